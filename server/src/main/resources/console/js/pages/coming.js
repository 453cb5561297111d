// A page whose API is still being built: it says so plainly and shows nothing else.
import { h } from '../dom.js';

export function coming(title, what) {
  return h('div', {}, h('h1', {}, title),
    h('div', { class: 'panel coming', role: 'note' },
      h('p', {}, h('strong', {}, 'Coming. '), what + ' will appear here once the node\u2019s API for them is available.'),
      h('p', {}, 'Nothing is shown or stored on this page yet.')));
}
