// A webpack loader for NutUI's theme CSS: drops its @font-face rules. They embed the JDZH digit fonts (about 17 KB
// of base64) used only by NutUI's Badge, Price, CountDown and Rate, none of which the app uses; without the
// rules, any such text would simply fall back to the system font.
module.exports = function dropFontFaces(source) {
  return String(source).replace(/@font-face\s*\{[^}]*\}/g, '');
};
