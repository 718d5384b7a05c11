import { Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A heading between groups of inputs of a long form. */
export function FormSection({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <>
      <Divider flexItem sx={{ mt: 2 }} />
      <Typography variant="h6" sx={{ mt: 1, mb: 1 }}>
        {translate(title)}
      </Typography>
    </>
  );
}
