import { searchKey } from './search-key';

describe('searchKey', () => {
  it('makes the spellings of one Uzbek name one key', () => {
    const keys = ['Gʻulomova', "G'ulomova", 'G‘ulomova', 'G’ulomova', 'G`ulomova', 'Gulomova'].map(
      searchKey,
    );
    expect(new Set(keys)).toEqual(new Set(['gulomova']));
  });

  it('reads Cyrillic as Latin, in any case', () => {
    expect(searchKey('ҒУЛОМОВА')).toBe(searchKey('Gʻulomova'));
    expect(searchKey('Гулноза Қодирова')).toBe(searchKey('Gulnoza Qodirova'));
    expect(searchKey('Кодирова')).toBe(searchKey('Qodirova'));
    expect(searchKey('Шерзод Исмоилов')).toBe('sherzod ismoilov');
    expect(searchKey('Хасанов')).toBe(searchKey('Xasanov'));
    expect(searchKey('Ўринбоев')).toBe(searchKey('Oʻrinboev'));
  });

  it('keeps what is not a name as it is, spaces collapsed', () => {
    expect(searchKey('  UNODC   Regional  ')).toBe('unodc regional');
    expect(searchKey('50%_off')).toBe('50%_off');
  });
});
