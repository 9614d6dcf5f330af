import type { ClientBox } from './pointer.js';

/** The element's content box in client coordinates: its bounding rectangle less borders and padding. */
export function contentBox(el: Element): ClientBox {
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const px = (value: string) => parseFloat(value) || 0;
  const left = px(style.borderLeftWidth) + px(style.paddingLeft);
  const right = px(style.borderRightWidth) + px(style.paddingRight);
  const top = px(style.borderTopWidth) + px(style.paddingTop);
  const bottom = px(style.borderBottomWidth) + px(style.paddingBottom);
  return { left: rect.left + left, top: rect.top + top, width: rect.width - left - right, height: rect.height - top - bottom };
}
