// Babel config for Taro (STACK-NOTES pitfalls 1 and 3).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No React Fast Refresh: it needs react-refresh, which we do not install.
        hot: false,
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        // NutUI folders are the lower-cased name ("textarea"), not kebab-case ("text-area").
        camel2DashComponentName: false,
        // Import each NutUI component on demand, together with its compiled CSS.
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
