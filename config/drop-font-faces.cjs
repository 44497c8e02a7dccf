// A webpack loader for CSS that embeds fonts the app never shows: drops its @font-face rules (config/index.ts says
// which files: NutUI's theme, about 17 KB of JDZH digit fonts, and Taro's H5 components, their weui icon font).
// Should a component that uses one be added, its text falls back to the system font and its icon goes missing.
module.exports = function dropFontFaces(source) {
  return String(source).replace(/@font-face\s*\{[^}]*\}/g, '');
};
