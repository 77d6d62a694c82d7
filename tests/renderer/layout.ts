/**
 * jsdom lays nothing out, so the virtualized list would see a 0 px viewport. These stubs give the
 * scroll area a height (and a scroll height: its content's), each row a height, and make `scrollTo`
 * move `scrollTop` and fire `scroll`,
 * which is all the virtualizer reads. Installed per test file, removed afterwards.
 */
import { afterAll, beforeAll } from 'vitest';

export const VIEWPORT_PX = 600;
export const ROW_PX = 100;

export function stubListLayout(): void {
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
    scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
    scrollTo: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo'),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('group-scroll') ? VIEWPORT_PX : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('group-row') ? ROW_PX : 0;
      },
    });
    Object.defineProperty(Element.prototype, 'scrollHeight', {
      configurable: true,
      get(this: Element) {
        const content = this.firstElementChild;
        return content instanceof HTMLElement ? parseFloat(content.style.height) || 0 : 0;
      },
    });
    Object.defineProperty(Element.prototype, 'scrollTo', {
      configurable: true,
      value(this: Element, options: ScrollToOptions) {
        this.scrollTop = options.top ?? this.scrollTop;
        this.dispatchEvent(new Event('scroll'));
      },
    });
  });
  afterAll(() => {
    for (const [name, descriptor] of Object.entries(saved)) {
      const onElement = name === 'scrollTo' || name === 'scrollHeight';
      const target = onElement ? Element.prototype : HTMLElement.prototype;
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete (target as unknown as Record<string, unknown>)[name];
    }
  });
}
