// node --test web/review/test: the page's pure parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchData, maskedParts } from '../src/launch.mjs';

test('reads initData from the fragment as telegram-web-app.js does', () => {
  const initData = 'query_id=AA&user=%7B%22id%22%3A1%7D&auth_date=1&hash=ab';
  const hash = `#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=7.10&tgWebAppPlatform=android`;
  assert.equal(launchData(hash), initData);
});

test('no launch data is the empty string, never a guess', () => {
  assert.equal(launchData(''), '');
  assert.equal(launchData('#tgWebAppVersion=7.10'), '');
});

test('masked markers are marked and the rest is plain text', () => {
  assert.deepEqual(maskedParts('call [#phone] or mail [#email].'), [
    { text: 'call ', masked: false }, { text: '[#phone]', masked: true }, { text: ' or mail ', masked: false },
    { text: '[#email]', masked: true }, { text: '.', masked: false }]);
  assert.deepEqual(maskedParts('[#id-number]'), [{ text: '[#id-number]', masked: true }]);
  assert.deepEqual(maskedParts('no marker [#Phone] here'), [{ text: 'no marker [#Phone] here', masked: false }]);
});
