// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isPageChrome } from '@/lib/annotate/page-chrome';

/** The element with id="t" in `html`, placed in a fresh body. */
function target(html: string, bodyClass = ''): Element {
  document.body.className = bodyClass;
  document.body.innerHTML = html;
  return document.getElementById('t')!;
}

describe('isPageChrome: navigation, banner, footer and sidebars versus the article', () => {
  it.each([
    ['<nav><ul><li><a id="t">八八战略</a></li></ul></nav>', 'a nav'],
    ['<aside><p id="t">八八战略</p></aside>', 'an aside'],
    ['<header><div><span id="t">八八战略</span></div></header>', 'a page header'],
    ['<footer><p id="t">八八战略</p></footer>', 'a page footer'],
    ['<div role="navigation"><a id="t">八八战略</a></div>', 'role=navigation'],
    ['<div role="banner"><p id="t">八八战略</p></div>', 'role=banner'],
    ['<div role="contentinfo"><p id="t">八八战略</p></div>', 'role=contentinfo'],
    ['<div role="complementary"><p id="t">八八战略</p></div>', 'role=complementary'],
    ['<div class="main-nav"><a id="t">八八战略</a></div>', 'class main-nav'],
    ['<div id="topMenu"><a id="t">八八战略</a></div>', 'id topMenu'],
    ['<ul class="menu-items"><li id="t">八八战略</li></ul>', 'class menu-items'],
    ['<div class="wrap sidebar-left"><p id="t">八八战略</p></div>', 'class sidebar-left'],
    ['<div class="logo"><span id="t">义乌新闻</span></div>', 'class logo'],
    ['<div id="siteHeader"><p id="t">八八战略</p></div>', 'id siteHeader'],
    ['<div class="footer_box"><p id="t">八八战略</p></div>', 'class footer_box'],
    ['<div class="breadcrumb"><a id="t">首页</a></div>', 'class breadcrumb'],
    ['<article><nav><a id="t">八八战略</a></nav></article>', 'a nav inside the article'],
    ['<main><div class="sidebar"><p id="t">八八战略</p></div></main>', 'a sidebar inside main'],
  ])('%s is chrome (%s)', (html) => {
    expect(isPageChrome(target(html))).toBe(true);
  });

  it.each([
    ['<article><p id="t">八八战略</p></article>', 'the article'],
    ['<main><p id="t">八八战略</p></main>', 'main'],
    ['<div role="main"><p id="t">八八战略</p></div>', 'role=main'],
    ['<div class="content"><p id="t">八八战略</p></div>', 'a plain page without landmarks'],
    ['<article><header><h1 id="t">坚持八八战略</h1></header></article>', 'the article’s own header'],
    ['<main><footer><p id="t">责任编辑</p></footer></main>', 'main’s own footer'],
    ['<article><div class="article-header"><h1 id="t">八八战略</h1></div></article>', 'class article-header'],
    ['<div class="has-sidebar"><p id="t">八八战略</p></div>', 'class has-sidebar (says nothing of this element)'],
    ['<div class="unavailable navigate"><p id="t">八八战略</p></div>', 'words that merely contain "nav"'],
    ['<div class="page"><div class="main"><p id="t">八八战略</p></div></div>', 'page wrappers'],
  ])('%s is not chrome (%s)', (html) => {
    expect(isPageChrome(target(html))).toBe(false);
  });

  it('ignores the classes of <body> and <html>, which describe the whole page', () => {
    expect(isPageChrome(target('<p id="t">八八战略</p>', 'nav-open sidebar'))).toBe(false);
  });

  it('answers false for no element', () => {
    expect(isPageChrome(null)).toBe(false);
  });
});
