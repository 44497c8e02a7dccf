import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from '@/lib/cloud';
// NutUI theme variables, imported once; components bring their own CSS on demand (babel-plugin-import).
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
// The design tokens, which also re-point NutUI's theme variables; after the theme so they win.
import './styles/tokens.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });

  // children are the pages rendered by Taro
  return children;
}

export default App;
