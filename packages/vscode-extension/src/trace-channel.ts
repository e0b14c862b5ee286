/**
 * The output channel the client writes its message trace to. vscode-languageclient 10 traces only
 * while its trace channel's log level is Trace, and writes the trace at that level, which the Output
 * view hides by default: `cors.trace.server` alone changed nothing. This channel wraps the CORS
 * output channel, reports the level Trace while `cors.trace.server` is `messages` or `verbose`
 * (the setting then picks how much the client logs), and writes the trace there as info lines, so
 * the setting alone turns the trace on and off. Everything else goes to the CORS channel as is.
 */
import * as vscode from 'vscode';

const SETTING = 'cors.trace.server';

function traceSetting(): string {
  return vscode.workspace.getConfiguration('cors').get<string>('trace.server', 'off');
}

export function createTraceChannel(output: vscode.LogOutputChannel): vscode.LogOutputChannel {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const level = (): vscode.LogLevel =>
    traceSetting() === 'off' ? output.logLevel : vscode.LogLevel.Trace;
  const subscriptions = [
    levelChanged,
    output.onDidChangeLogLevel(() => levelChanged.fire(level())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) levelChanged.fire(level());
    }),
  ];
  return {
    get name() {
      return output.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: (message, ...args) =>
      traceSetting() === 'off' ? output.trace(message, ...args) : output.info(message, ...args),
    debug: (message, ...args) => output.debug(message, ...args),
    info: (message, ...args) => output.info(message, ...args),
    warn: (message, ...args) => output.warn(message, ...args),
    error: (error, ...args) => output.error(error, ...args),
    append: (value) => output.append(value),
    appendLine: (value) => output.appendLine(value),
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (preserveFocus?: boolean | vscode.ViewColumn) =>
      output.show(typeof preserveFocus === 'boolean' ? preserveFocus : undefined),
    hide: () => output.hide(),
    // The CORS channel belongs to the extension's subscriptions; only this wrapper's listeners end here.
    dispose: () => subscriptions.forEach((subscription) => subscription.dispose()),
  };
}
