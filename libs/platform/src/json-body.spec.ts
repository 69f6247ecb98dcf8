import { jsonErrorPlace } from './json-body';

describe('jsonErrorPlace', () => {
  it('finds a trailing comma and a bad literal by line and column', () => {
    expect(jsonErrorPlace('{"a": 1,}')).toMatchObject({ line: 1, column: 9 });
    expect(jsonErrorPlace('{\n  "a": tru\n}')).toMatchObject({ line: 2, column: 11 });
    expect(jsonErrorPlace('[1, 2')).toMatchObject({ line: 1 });
  });
});
