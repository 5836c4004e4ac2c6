export {
  lightTheme,
  darkTheme,
  cssVarName,
  themeVar,
  themeStyle,
  readThemeColor,
  type Theme,
  type ThemeToken,
} from './theme';
export { viridis, greys, diverging, colorMaps, cssColor, type ColorMap, type ColorMapName } from './colorMaps';
export { ThemeScope, type ThemeScopeProps } from './ThemeScope';
