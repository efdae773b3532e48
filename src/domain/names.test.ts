import { describe, expect, it } from 'vitest';
import { firstName } from './names.js';

describe('firstName', () => {
  it.each([
    ['Linda Park', undefined, 'Linda'],
    ['  Priya ', undefined, 'Priya'],
    ['Ken\tAdams', undefined, 'Ken'],
    ['Omar  Haddad', 'omar@x.example', 'Omar'],
    ['José Núñez-García', undefined, 'José'],
    ['', 'sam@x.example', 'sam'],
    ['   ', 'sam@x.example', 'sam'],
    ['', undefined, ''],
  ])('firstName(%j, %j) = %j', (name, email, expected) => {
    expect(firstName(name, email)).toBe(expected);
  });
});
