import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenHtml } from './flatten-html.js';

test('each block element becomes a line and inline markup joins words with spaces kept', () => {
  const html = '<div><h1>Bridge <em>closed</em></h1><p>Traffic was <a href="#">diverted</a> at dawn.</p><p>Repairs take<br>two weeks.</p></div>';
  assert.equal(flattenHtml(html), 'Bridge closed\nTraffic was diverted at dawn.\nRepairs take\ntwo weeks.');
});

test('adjacent paragraphs without whitespace between them never glue words together', () => {
  assert.equal(flattenHtml('<p>first paragraph ends</p><p>second begins</p>'), 'first paragraph ends\nsecond begins');
});

test('scripts, styles, hidden elements and form controls are not visible text', () => {
  const html = '<body><script>var x = 1;</script><style>p{}</style><p>Visible</p><div hidden>Secret</div><div style="display: none">Gone</div><select><option>Menu</option></select></body>';
  assert.equal(flattenHtml(html), 'Visible');
});

test('lists, tables and preformatted text keep one line per item, row and source line', () => {
  const html = '<ul><li>One</li><li>Two</li></ul><table><tr><td>City</td><td>Rain</td></tr><tr><td>Oslo</td><td>12 mm</td></tr></table><pre>a  b\nc</pre>';
  assert.equal(flattenHtml(html), 'One\nTwo\nCity Rain\nOslo 12 mm\na b\nc');
});

test('a page whose whole content is hidden until a script runs is still read', () => {
  const paragraph = '<p>The river authority opened the new flood gates on Saturday after three years of building work downstream.</p>';
  const html = `<body><div hidden>${paragraph.repeat(8)}</div><p>Menu</p></body>`;
  assert.match(flattenHtml(html), /river authority opened the new flood gates/);
});

test('a page with a script between its head and its body, or a style before <html>, is still read', () => {
  const afterHead = '<!doctype html><html><head><title>Ferry</title></head>\n<!-- tag -->\n<script>var ready = true;</script>\n<body class="page"><h1>Ferry back</h1><p>The ferry resumes on Monday.</p></body></html>';
  assert.equal(flattenHtml(afterHead), 'Ferry back\nThe ferry resumes on Monday.');
  const styleFirst = '<style>#banner { display: none; }</style>\n<!DOCTYPE html><html><head><title>Ferry</title></head><body><p>The ferry resumes on Monday.</p></body></html>';
  assert.equal(flattenHtml(styleFirst), 'The ferry resumes on Monday.');
});
