import { Chip, Stack } from '@mui/material';

/** Tags as small outlined chips (nothing when there are none). */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {tags.map((tag) => (
        <Chip key={tag} label={tag} size="small" variant="outlined" sx={{ height: 20 }} />
      ))}
    </Stack>
  );
}
