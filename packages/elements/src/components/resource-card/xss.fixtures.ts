/**
 * Script-injection payloads for tests: markup and URL tricks that would run `mkXss()` if catalog text
 * were ever parsed as HTML or a URL became a link unchecked. Not part of the published package.
 */

declare global {
  interface Window {
    mkXssRuns?: number;
    mkXss?: () => void;
  }
}

/** Installs the probe the payloads call; returns a function reading how often it ran. */
export function installXssProbe(): () => number {
  window.mkXssRuns = 0;
  window.mkXss = () => {
    window.mkXssRuns = (window.mkXssRuns ?? 0) + 1;
  };
  return () => window.mkXssRuns ?? 0;
}

const run = 'mkXss()';

/** Markup payloads, placed in text fields. */
export const MARKUP_PAYLOADS: readonly string[] = [
  `<script>${run}</script>`,
  `<SCRIPT>${run}</SCRIPT>`,
  `<script src="data:text/javascript,${run}"></script>`,
  `<img src=x onerror="${run}">`,
  `<img src="x" onerror=${run}>`,
  `<IMG SRC=x ONERROR=${run}>`,
  `<img src=x:x onerror=javascript:${run}>`,
  `<svg onload=${run}>`,
  `<svg><script>${run}</script></svg>`,
  `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  `<body onload=${run}>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<a href="javascript:${run}">click</a>`,
  `<a href="jAvAsCrIpT:${run}">click</a>`,
  `<details open ontoggle=${run}>`,
  `<input autofocus onfocus=${run}>`,
  `<select autofocus onfocus=${run}></select>`,
  `<textarea autofocus onfocus=${run}></textarea>`,
  `<video><source onerror="${run}"></video>`,
  `<audio src=x onerror=${run}>`,
  `<marquee onstart=${run}>`,
  `<div style="background:url(javascript:${run})">`,
  `<style>@import "javascript:${run}";</style>`,
  `<link rel=stylesheet href="javascript:${run}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<base href="javascript:${run}//">`,
  `<form action="javascript:${run}"><button>go</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<template><img src=x onerror=${run}></template>`,
  `"><script>${run}</script>`,
  `'><img src=x onerror=${run}>`,
  `" onmouseover="${run}" x="`,
  `' onfocus='${run}' autofocus='`,
  `</title><script>${run}</script>`,
  `</textarea><script>${run}</script>`,
  `--><script>${run}</script><!--`,
  `<!--<img src="--><img src=x onerror=${run}//">`,
  `<![CDATA[<script>${run}</script>]]>`,
  `\${${run}}`,
  `{{constructor.constructor('${run}')()}}`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
  `&lt;script&gt;${run}&lt;/script&gt;`,
  `&#60;img src=x onerror=${run}&#62;`,
  `%3Cscript%3E${run}%3C/script%3E`,
  `\u003cimg src=x onerror=${run}\u003e`,
  `<img src=x onerror="&#x6d;kXss()">`,
  `<svg><a xlink:href="javascript:${run}"><text y=20>x</text></a></svg>`,
  `<isindex type=image src=1 onerror=${run}>`,
  `<img src=x onerror=${run} <`,
  `<x onclick=${run}>click me</x>`,
  `<lit-part>${run}</lit-part><?lit$123$>`,
];

/** URL payloads, placed in URL fields: none may become an href or a src. */
export const URL_PAYLOADS: readonly string[] = [
  `javascript:${run}`,
  `JAVASCRIPT:${run}`,
  ` javascript:${run}`,
  `java\tscript:${run}`,
  `javascript&colon;${run}`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,PHNjcmlwdD5ta1hzcygpPC9zY3JpcHQ+`,
  `vbscript:${run}`,
  `//evil.example/x.js`,
  `/relative/path`,
  `file:///etc/passwd`,
  `blob:https://example.org/1234`,
  `mailto:someone@example.org`,
];

/** Every payload (markup and URL), ≥ 60. */
export const ALL_PAYLOADS: readonly string[] = [...MARKUP_PAYLOADS, ...URL_PAYLOADS];
