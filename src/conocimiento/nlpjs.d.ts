/** The part of @nlpjs/lang-es used here (the package ships no types): its Snowball-based Spanish stemmer. */
declare module '@nlpjs/lang-es' {
  export class StemmerEs {
    stemWord(palabra: string): string;
  }
}
