// What a simple highlighter extension does: per text node, a regex replace for each term.
// Plain JavaScript, injected into the page as it is (the benchmark's baseline).
window.naiveAnnotate = function naiveAnnotate(terms) {
  const start = performance.now();
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const patterns = terms.map((t) => new RegExp(escape(t), 'g'));
  for (const node of nodes) {
    let html = node.data;
    let changed = false;
    for (const re of patterns) {
      re.lastIndex = 0;
      if (re.test(html)) {
        html = html.replace(re, (m) => `<mark class="naive">${m}</mark>`);
        changed = true;
      }
    }
    if (changed && node.parentNode) {
      const span = document.createElement('span');
      span.innerHTML = html;
      node.parentNode.replaceChild(span, node);
    }
  }
  return performance.now() - start;
};
