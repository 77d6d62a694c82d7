/**
 * Where the CLI writes: stdout for results, stderr for errors. Colours only on a terminal
 * and never when NO_COLOR is set (https://no-color.org). With --json, stdout gets exactly one
 * JSON document (`watch`: one JSON object per line).
 */

/** The part of a stream the CLI needs; process.stdout fits, and so does a test's collector. */
export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

type Paint = (text: string) => string;

export interface Styles {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

function stylesFor(enabled: boolean): Styles {
  if (!enabled) {
    return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  }
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    red: ansi(31, 39),
    green: ansi(32, 39),
    yellow: ansi(33, 39),
    cyan: ansi(36, 39),
  };
}

/** Colours when the stream is a terminal and NO_COLOR is unset or empty. */
export function colorEnabled(stream: TextSink, env: Env): boolean {
  const noColor = env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}

export class Output {
  /** Styles for stdout. */
  readonly style: Styles;
  private readonly errorStyle: Styles;

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    env: Env,
  ) {
    this.style = stylesFor(colorEnabled(stdout, env));
    this.errorStyle = stylesFor(colorEnabled(stderr, env));
  }

  /** The terminal's width, or undefined when stdout is not a terminal (then nothing is cut). */
  get width(): number | undefined {
    return this.stdout.isTTY === true && this.stdout.columns ? this.stdout.columns : undefined;
  }

  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  lines(texts: readonly string[]): void {
    if (texts.length > 0) this.stdout.write(`${texts.join('\n')}\n`);
  }

  /** One JSON document, newline-terminated: the only thing on stdout with --json. */
  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * One compact JSON object on one line (`watch --json`). Each line is one write and Node keeps
   * no stdio buffer, so a reader at the other end of a pipe gets it whole and at once.
   */
  jsonLine(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** Something worth knowing that does not stop the command (a value adjusted…), on stderr. */
  warn(message: string): void {
    this.stderr.write(`${this.errorStyle.yellow('Warning:')} ${message}\n`);
  }

  error(message: string): void {
    this.stderr.write(`${this.errorStyle.red('Error:')} ${message}\n`);
  }
}
