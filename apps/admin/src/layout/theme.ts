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
  components: {
    ...defaultTheme.components,
    // A wide table scrolls inside its card instead of pushing the whole page sideways on a
    // narrow screen (the content column may shrink below the table's width).
    RaLayout: {
      styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } },
    },
    RaList: {
      styleOverrides: {
        root: {
          '& .RaList-main': { minWidth: 0 },
          '& .RaList-content': { minWidth: 0, overflowX: 'auto' },
        },
      },
    },
    // Korean headers break between words, never inside one ("채널 관계", not one syllable a line).
    MuiTableCell: {
      styleOverrides: { head: { wordBreak: 'keep-all' } },
    },
    // On a phone the app bar is crowded: the language name keeps to one line (not one syllable
    // per line) and drops its icon rather than squeezing.
    RaLocalesMenuButton: {
      styleOverrides: {
        root: {
          flexShrink: 0,
          '& .MuiButton-root': { whiteSpace: 'nowrap', minWidth: 'auto' },
          '@media (max-width: 599.95px)': { '& .MuiButton-startIcon': { display: 'none' } },
        },
      },
    },
  },
};
