import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT =
  "'Noto Sans KR', 'Apple SD Gothic Neo', 'NanumGothic', 'Malgun Gothic', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** react-admin's default theme in Kakao's colours, with a font that has Hangul. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#3c1e1e' },
    secondary: { main: '#fee500', contrastText: '#191919' },
  },
  typography: { ...defaultTheme.typography, fontFamily: FONT },
};
