/**
 * Errors that mean "the user's input is wrong", not "jetdiag is broken": the CLI prints the
 * message alone and exits 2. Kept in a module of its own so the CLI can recognise them
 * without loading the parsers and rules at start-up.
 */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
