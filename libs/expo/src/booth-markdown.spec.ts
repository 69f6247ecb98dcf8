import { renderBoothMarkdown } from './booth-markdown';

describe('renderBoothMarkdown', () => {
  it('renders paragraphs, emphasis and lists', () => {
    expect(
      renderBoothMarkdown('Wir sind **schnell** und *klar*.\n\n- eins\n- zwei\n\n1. a\n2. b'),
    ).toBe(
      '<p>Wir sind <strong>schnell</strong> und <em>klar</em>.</p>\n' +
        '<ul><li>eins</li><li>zwei</li></ul>\n<ol><li>a</li><li>b</li></ol>',
    );
  });

  it('escapes any HTML the exhibitor types', () => {
    const html = renderBoothMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('keeps http(s) and mailto links and drops every other scheme', () => {
    expect(
      renderBoothMarkdown('[Web](https://example.org/a?b=1) [Mail](mailto:info@example.org)'),
    ).toBe(
      '<p><a href="https://example.org/a?b=1" rel="noopener noreferrer nofollow">Web</a> ' +
        '<a href="mailto:info@example.org" rel="noopener noreferrer nofollow">Mail</a></p>',
    );
    expect(renderBoothMarkdown('[x](javascript:alert%281%29) [y](data:text/html,hi)')).toBe(
      '<p>x y</p>',
    );
    expect(renderBoothMarkdown('[q](https://e.org/"onmouseover="x)')).not.toContain(
      'onmouseover="',
    );
  });
});
