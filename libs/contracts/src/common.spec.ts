import { slugSchema, suggestSlug } from './common';

describe('suggestSlug', () => {
  it('writes German umlauts out and joins words with single hyphens', () => {
    expect(suggestSlug('Städtetag Baden-Württemberg: Größe & Maß 2026')).toBe(
      'staedtetag-baden-wuerttemberg-groesse-mass-2026',
    );
  });

  it('drops other accents and punctuation at both ends', () => {
    expect(suggestSlug('  „Café Élysée“ e. V. ')).toBe('cafe-elysee-e-v');
  });

  it('stays within the length and never ends on a hyphen', () => {
    const slug = suggestSlug('Digitale Verwaltung im ländlichen Raum und in der Stadt', 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect(slug).not.toMatch(/-$/);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});
