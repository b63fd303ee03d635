/** Copy text to the clipboard and say how it went, for a status line next to the button. */
export class Clipboard {
  message = $state('');

  constructor(
    private readonly copied: string,
    private readonly refused: string,
  ) {}

  async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      this.message = this.copied;
      return true;
    } catch {
      this.message = this.refused;
      return false;
    }
  }
}
