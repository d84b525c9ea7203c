// npm arabic-persian-reshaper ships no types: the one function lib/seo/share-image-text.ts uses.
declare module 'arabic-persian-reshaper' {
  const reshaper: {
    /** Arabic letters replaced by their joined forms (Unicode's presentation forms). */
    ArabicShaper: { convertArabic(text: string): string };
  };
  export default reshaper;
}
