import { Box } from '@mui/material';
import { SelectInput, useRecordContext, useTranslate } from 'react-admin';

import { KAKAO_COLOR_HEX, KAKAO_COLORS, type KakaoColor } from '@admin/campaigns/types';

const CHOICES = KAKAO_COLORS.map((color) => ({ id: color }));

export function ColorSwatch({ color }: { color: KakaoColor }) {
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-block',
        width: 14,
        height: 14,
        borderRadius: '50%',
        bgcolor: KAKAO_COLOR_HEX[color],
        mr: 1,
        verticalAlign: 'middle',
      }}
    />
  );
}

function ColorChoice() {
  const choice = useRecordContext<{ id: KakaoColor }>();
  const translate = useTranslate();
  if (!choice) {
    return null;
  }
  return (
    <span>
      <ColorSwatch color={choice.id} />
      {translate(`app.enums.color.${choice.id}`)}
    </span>
  );
}

/** Talk Calendar's fifteen event colours, each with its swatch. */
export function ColorInput({ source }: { source: string }) {
  return (
    <SelectInput
      source={source}
      choices={CHOICES}
      optionText={<ColorChoice />}
      translateChoice={false}
      emptyText="app.common.none"
      sx={{ minWidth: 220 }}
    />
  );
}
