// 目录: the long staff detail's sections, a tap away; the page opens at the one that needs a decision.
import Taro from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';

export interface SectionLink {
  id: string;
  title: string;
}

function jump(id: string) {
  void Taro.pageScrollTo({ selector: `#${id}`, duration: 300 }).catch(() => undefined);
}

/** focus: the section that needs a decision, scrolled to once when the page opens for this key (an application). */
export function SectionIndex({ links, focus, openKey }: { links: readonly SectionLink[]; focus: string | null; openKey: string }) {
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!focus || opened.current === openKey) return;
    opened.current = openKey;
    // After the first paint, so the section is laid out where it will stay.
    const timer = setTimeout(() => jump(focus), 300);
    return () => clearTimeout(timer);
  }, [focus, openKey]);
  if (links.length < 2) return null;
  return (
    <ScrollView scrollX className="admin-index" enhanced showScrollbar={false}>
      <View className="admin-index__track">
        {links.map((link) => (
          <Text
            key={link.id}
            className={`admin-index__item${link.id === focus ? ' admin-index__item--focus' : ''}`}
            onClick={() => jump(link.id)}
          >
            {link.title}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}
