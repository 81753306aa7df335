# bash completion for microstep(1).
# Install as share/bash-completion/completions/microstep, or source it from ~/.bashrc.
# Needs only bash itself (COMP_WORDS, COMP_CWORD, compgen), not the bash-completion package.

_microstep_commands="init plan add done mood skip undo pause resume list today stats calendar chart set
  edit suggest shrink grow review share due remind evidence log check import export help"
_microstep_global_options="--dir --json --no-cache --color --today --now --help --version"
# Options that take a value: the word after one of these is not a command or an argument.
_microstep_value_options="--dir --color --today --now --amount --note --truth --date --goal
  --after --every --feeling --unit --minimum --minutes --at --start --step --from --status
  --weeks --months --week --format --since --until -o --output --svg --again-after --mood --goal-of
  --sign --id"
_microstep_schedules=$'daily\nweekdays\nweekends\nweekly\nmonthly\n3/week\n2/month\nmon,wed,fri\nevery 2 days\n2 in 3 days\ntracking'

# The options of one command (the global options are accepted after it too).
_microstep_command_options() {
  case $1 in
    init) echo "--git" ;;
    plan) echo "--goal --sign --step --after --feeling --every --id -y --yes" ;;
    add) echo "--goal --goal-of --after --every --feeling --unit --minimum --minutes --at --start" ;;
    done) echo "--amount --note --truth --date --mood" ;;
    mood) echo "--note --date" ;;
    skip | pause | resume) echo "--note --date" ;;
    undo) echo "--date" ;;
    list) echo "--ids --by-goal" ;;
    today) echo "--by-goal" ;;
    calendar) echo "--weeks --months --ascii" ;;
    chart) echo "--svg --weeks" ;;
    set) echo "--step --every --minimum --after --from --goal --feeling --unit --minutes --at --status" ;;
    shrink) echo "--minimum" ;;
    grow) echo "--minimum --force" ;;
    review) echo "--week --all --by-goal" ;;
    stats) echo "--all --by-goal" ;;
    share) echo "--week --format --with-notes" ;;
    due) echo "-q --quiet --at-time" ;;
    remind) echo "--again-after" ;;
    log) echo "--since --until" ;;
    import) echo "--dry-run" ;;
    export) echo "--format --since -o --output" ;;
  esac
}

# Sets COMPREPLY to what `compgen ARGS -- "$cur"` prints, one candidate a line.
_microstep_compgen() {
  mapfile -t COMPREPLY < <(compgen "$@" -- "$cur")
}

# Sets COMPREPLY to the lines of $1 that start with the current word, each quoted for the
# shell (so "every 2 days" completes as one word).
_microstep_reply_lines() {
  local line prefix=${cur#[\"\']}
  COMPREPLY=()
  while IFS= read -r line; do
    [[ -n $line && $line == "$prefix"* ]] || continue
    if [[ $cur == [\"\']* ]]; then
      COMPREPLY+=("$line")
    else
      COMPREPLY+=("${line// /\\ }")
    fi
  done <<<"$1"
}

# The goal ids of the journal the command line names (--dir), else of the usual one.
_microstep_goal_ids() {
  local program=$1 dir=$2
  # shellcheck disable=SC2088 # a literal ~ typed on the command line
  [[ $dir == "~/"* ]] && dir=$HOME/${dir#\~/}
  if [[ -n $dir ]]; then
    "$program" --dir "$dir" list --ids 2>/dev/null
  else
    "$program" list --ids 2>/dev/null
  fi
}

_microstep() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=''
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  local program=${COMP_WORDS[0]}
  # shellcheck disable=SC2088
  [[ $program == "~/"* ]] && program=$HOME/${program#\~/}
  command -v "$program" >/dev/null 2>&1 || program=microstep

  # Walk the words before the cursor: the command, --dir's value, the arguments so far.
  local i word command='' dir='' positionals=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --dir=*) dir=${word#--dir=} ;;
      --*=*) ;;
      -*)
        if [[ " ${_microstep_value_options//$'\n'/ } " == *" $word "* ]]; then
          ((i + 1 < COMP_CWORD)) && [[ $word == --dir ]] && dir=${COMP_WORDS[i + 1]}
          ((i++))
        fi
        ;;
      *)
        if [[ -z $command ]]; then
          command=$word
        else
          ((positionals++))
        fi
        ;;
    esac
  done

  # The value of an option.
  case $prev in
    --dir) _microstep_compgen -d; return ;;
    --color) _microstep_compgen -W "auto always never"; return ;;
    --every) _microstep_reply_lines "$_microstep_schedules"; return ;;
    --status) _microstep_compgen -W "active paused done archived"; return ;;
    --format)
      if [[ $command == share ]]; then _microstep_compgen -W "text markdown json"; else _microstep_compgen -W "csv json ics"; fi
      return ;;
    --mood) _microstep_compgen -W "1 2 3 4 5"; return ;;
    --goal-of) _microstep_compgen -W "$(_microstep_goal_ids "$program" "$dir")"; return ;;
    --today | --date | --since | --until | --from | --start | --week)
      _microstep_compgen -W "today yesterday"; return ;;
    -o | --output | --svg) _microstep_compgen -f; return ;;
    --now | --amount | --note | --truth | --goal | --after | --feeling | --unit | --minimum | \
      --minutes | --at | --step | --weeks | --months)
      COMPREPLY=(); return ;;
  esac

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      _microstep_compgen -W "$_microstep_global_options"
    else
      _microstep_compgen -W "$_microstep_commands"
    fi
    return
  fi

  if [[ $cur == -* ]]; then
    _microstep_compgen -W "$(_microstep_command_options "$command") $_microstep_global_options"
    return
  fi

  # The positional arguments.
  case $command in
    done | skip | undo | pause | resume | set | shrink | grow | edit | calendar | evidence | log)
      ((positionals == 0)) &&
        _microstep_compgen -W "$(_microstep_goal_ids "$program" "$dir")"
      ;;
    stats | suggest | chart)
      _microstep_compgen -W "$(_microstep_goal_ids "$program" "$dir")"
      ;;
    init) _microstep_compgen -d ;;
    help) ((positionals == 0)) && _microstep_compgen -W "$_microstep_commands" ;;
    import)
      if ((positionals == 0)); then
        _microstep_compgen -W "loop harsh csv json"
      else
        _microstep_compgen -f
      fi
      ;;
    *) COMPREPLY=() ;;
  esac
}

complete -F _microstep microstep
