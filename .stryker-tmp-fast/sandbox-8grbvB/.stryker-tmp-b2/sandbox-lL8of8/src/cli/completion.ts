/**
 * `jetdiag completion bash|zsh|fish`: a shell completion script built from the program's own
 * commands and options, so a new command completes without touching this file.
 */
// @ts-nocheck

// 

import { Argument, Command, InvalidArgumentError } from 'commander';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Spec {
  name: string;
  options: string[];
  /** Options that take a value, and the values when they are a fixed list. */
  values: Record<string, string[]>;
}

function specs(program: Command): Spec[] {
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => {
      const values: Record<string, string[]> = {};
      for (const o of c.options) if (o.required || o.optional) values[o.long ?? o.short!] = o.argChoices ?? [];
      return { name: c.name(), options: c.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x)).concat('--help'), values };
    });
}

/** Fixed value lists the option parsers know but commander does not (they parse, not choose). */
const KNOWN_VALUES: Record<string, string> = { '--format': 'html md json text', '--fail-on': 'critical error warning info' };

function bash(program: Command): string {
  const cmds = specs(program);
  const cases = cmds
    .map((c) => {
      const vals = Object.keys(c.values)
        .map((o) => `        ${o}) COMPREPLY=( $(compgen ${KNOWN_VALUES[o] || c.values[o]!.length ? `-W "${KNOWN_VALUES[o] ?? c.values[o]!.join(' ')}"` : '-f'} -- "$cur") ); return ;;`)
        .join('\n');
      return `    ${c.name})\n      case "$prev" in\n${vals}\n      esac\n      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${c.options.join(' ')}" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi ;;`;
    })
    .join('\n');
  return `# jetdiag bash completion: eval "$(jetdiag completion bash)" in ~/.bashrc
_jetdiag() {
  local cur prev cmd i
  cur="\${COMP_WORDS[COMP_CWORD]}"; prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=( $(compgen -W "${cmds.map((c) => c.name).join(' ')} --help --version --quiet --no-color" -- "$cur") ); return
  fi
  case "$cmd" in
${cases}
  esac
}
complete -o filenames -F _jetdiag jetdiag
`;
}

function zsh(program: Command): string {
  // zsh reads bash completions through bashcompinit: one script to keep right.
  return `# jetdiag zsh completion: eval "$(jetdiag completion zsh)" in ~/.zshrc
autoload -U +X bashcompinit && bashcompinit
${bash(program)}`;
}

function fish(program: Command): string {
  const cmds = specs(program);
  const lines = [`# jetdiag fish completion: jetdiag completion fish > ~/.config/fish/completions/jetdiag.fish`, 'complete -c jetdiag -f'];
  for (const c of cmds) {
    lines.push(`complete -c jetdiag -n __fish_use_subcommand -a ${c.name} -d '${(program.commands.find((x) => x.name() === c.name)?.description() ?? '').replace(/'/g, '')}'`);
    for (const o of c.options.filter((x) => x.startsWith('--'))) {
      const vals = KNOWN_VALUES[o] ?? c.values[o]?.join(' ');
      lines.push(`complete -c jetdiag -n '__fish_seen_subcommand_from ${c.name}' -l ${o.slice(2)}${o in c.values ? (vals ? ` -x -a '${vals}'` : ' -r -F') : ''}`);
    }
    lines.push(`complete -c jetdiag -n '__fish_seen_subcommand_from ${c.name}' -F`);
  }
  return lines.join('\n') + '\n';
}

export default function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(
      new Argument('<shell>', SHELLS.join(', ')).argParser((v: string) => {
        if (!(SHELLS as readonly string[]).includes(v)) throw new InvalidArgumentError(`unknown shell "${v}" (choose from ${SHELLS.join(', ')})`);
        return v;
      }),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ eval "$(jetdiag completion bash)"        in ~/.bashrc
  $ eval "$(jetdiag completion zsh)"         in ~/.zshrc
  $ jetdiag completion fish > ~/.config/fish/completions/jetdiag.fish`,
    )
    .action((shell: Shell) => {
      process.stdout.write({ bash, zsh, fish }[shell](program));
    });
}
