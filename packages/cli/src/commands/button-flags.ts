// `--button <position>=<text>` of `kapsokit send`: the values of a template's URL buttons.
import { UsageError } from "../errors.js";

const BUTTON = /^(\d+)=(.*)$/s;

/**
 * `["0=track123"]` → `{ 0: "track123" }`: the text for the `{{1}}` of the URL button at each
 * position (from 0). The client checks the positions and the texts.
 */
export function buttonsFromFlags(values: string[]): Record<number, string> | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const buttons: Record<number, string> = {};
  for (const value of values) {
    const match = BUTTON.exec(value);
    if (!match) {
      throw new UsageError(`--button takes <position>=<text>, such as --button 0=track123, not "${value}"`);
    }
    const position = Number(match[1]);
    if (position in buttons) {
      throw new UsageError(`--button ${position} is given twice`);
    }
    buttons[position] = match[2]!;
  }
  return buttons;
}
