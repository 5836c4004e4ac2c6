export {
  lightTheme,
  darkTheme,
  cssVarName,
  themeVar,
  themeStyle,
  readThemeColor,
  tokenDefault,
  HOST_THEME_VARS,
  type Theme,
  type ThemeToken,
} from './theme';
export { viridis, greys, diverging, colorMaps, cssColor, type ColorMap, type ColorMapName } from './colorMaps';
export { ThemeScope, type ThemeScopeProps } from './ThemeScope';
export { KIT_CSS } from './kitCss';
export { useKitStyles, adoptKitStyles } from './useKitStyles';
export { useThemeVersion } from './useThemeVersion';
