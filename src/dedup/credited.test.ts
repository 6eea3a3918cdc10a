import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credited } from './copy-index.js';

test('a credit names an outlet by its name or its initials, never by a chance substring', () => {
  assert.equal(credited(['cpa'], 'Continental Press Agency'), true);
  assert.equal(credited(['nordwire'], 'Nordwire'), true);
  assert.equal(credited(['afp'], 'Agence France-Presse'), true);
  assert.equal(credited(['afp'], 'Kyiv Post'), false);
  assert.equal(credited(['ap'], 'Apple Daily'), false);
  assert.equal(credited([], 'Nordwire'), false);
  assert.equal(credited(['cpa'], null), false);
  // A credited domain names the outlet of that name.
  assert.equal(credited(['valleydispatch.example'], 'Valley Dispatch'), true);
  assert.equal(credited(['www.valley-dispatch.example'], 'Valley Dispatch'), true);
  assert.equal(credited(['valleydispatch.example'], 'Valley Courier'), false);
});
