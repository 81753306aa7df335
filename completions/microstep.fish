# fish completion for microstep(1). Install into fish's vendor_completions.d.

set -l __microstep_commands init plan add done mood skip undo pause resume list today stats calendar chart set edit suggest shrink grow review share due remind evidence log check import export help
set -l __microstep_with_id done skip undo pause resume set shrink grow edit calendar evidence log stats suggest chart

# Goal ids from `microstep list --ids`, in the journal named by --dir on the line if any.
function __microstep_ids
    set -l tokens (commandline -opc)
    set -l dir
    set -l n (count $tokens)
    for i in (seq 2 $n)
        switch $tokens[$i]
            case --dir
                if test $i -lt $n
                    set dir --dir $tokens[(math $i + 1)]
                end
            case '--dir=*'
                set dir --dir (string replace -- --dir= '' $tokens[$i])
        end
    end
    $tokens[1] $dir list --ids 2>/dev/null
end

complete -c microstep -f

# Global options (accepted before or after the command).
complete -c microstep -l dir -x -a '(__fish_complete_directories)' -d 'The journal directory'
complete -c microstep -l json -d 'Print the stable JSON form'
complete -c microstep -l no-cache -d 'Read the whole log and every goal file, without the caches'
complete -c microstep -l color -x -a 'auto always never' -d 'Color'
complete -c microstep -l today -x -a 'today yesterday' -d "Pin today's date"
complete -c microstep -l now -x -d 'Pin the current moment'
complete -c microstep -l help -s h -d 'Show help'
complete -c microstep -l version -d 'Show the version'

# Commands.
set -l none "not __fish_seen_subcommand_from $__microstep_commands"
complete -c microstep -n $none -a init -d 'Create a journal'
complete -c microstep -n $none -a add -d 'Add a goal with its micro-step'
complete -c microstep -n $none -a plan -d 'Plan a new goal step by step'
complete -c microstep -n $none -a done -d 'Check in: the step is done for the day'
complete -c microstep -n $none -a mood -d 'How you feel, 1 to 5'
complete -c microstep -n $none -a skip -d 'A planned rest day'
complete -c microstep -n $none -a undo -d "Cancel a day's check-in"
complete -c microstep -n $none -a pause -d 'Pause a goal from a day on'
complete -c microstep -n $none -a resume -d 'Resume a paused goal from a day on'
complete -c microstep -n $none -a list -d 'Goals with status, schedule, step and anchor'
complete -c microstep -n $none -a today -d 'The steps due today'
complete -c microstep -n $none -a stats -d 'Streaks, rates, strength, totals, suggestion'
complete -c microstep -n $none -a calendar -d 'The chain as month grids or strips'
complete -c microstep -n $none -a chart -d 'The chain as an SVG picture'
complete -c microstep -n $none -a set -d 'Change a goal from a day on'
complete -c microstep -n $none -a edit -d 'Edit a goal file in $VISUAL or $EDITOR'
complete -c microstep -n $none -a suggest -d 'Make it smaller, ready to grow, or keep going'
complete -c microstep -n $none -a shrink -d 'Make the step smaller'
complete -c microstep -n $none -a grow -d 'Grow the step by at most 10%'
complete -c microstep -n $none -a review -d 'The weekly review'
complete -c microstep -n $none -a share -d 'The week in short, for an accountability partner'
complete -c microstep -n $none -a due -d 'What is due today'
complete -c microstep -n $none -a remind -d 'One gentle line per step due now'
complete -c microstep -n $none -a evidence -d 'The truths you noticed'
complete -c microstep -n $none -a log -d 'The check-in events, oldest first'
complete -c microstep -n $none -a check -d 'Check the whole journal'
complete -c microstep -n $none -a import -d 'Import from Loop Habit Tracker, harsh or an export'
complete -c microstep -n $none -a export -d 'Export goals and check-ins, or a calendar'
complete -c microstep -n $none -a help -d 'The help of microstep, or of one command'
complete -c microstep -n '__fish_seen_subcommand_from help' -a "$__microstep_commands"

# Goal ids.
complete -c microstep -n "__fish_seen_subcommand_from $__microstep_with_id" -a '(__microstep_ids)'

# Per-command options.
set -l schedules "daily weekdays weekends weekly monthly 3/week 2/month mon,wed,fri 'every 2 days' '2 in 3 days' tracking"
set -l days 'today yesterday'
complete -c microstep -n '__fish_seen_subcommand_from init' -l git -d 'Also git init and commit'
complete -c microstep -n '__fish_seen_subcommand_from init' -a '(__fish_complete_directories)'
complete -c microstep -n '__fish_seen_subcommand_from add set plan' -l goal -x -d 'The big goal'
complete -c microstep -n '__fish_seen_subcommand_from plan' -l sign -x -d 'The smallest sign of progress'
complete -c microstep -n '__fish_seen_subcommand_from plan' -l step -x -d 'The micro-step'
complete -c microstep -n '__fish_seen_subcommand_from plan' -l id -x -d 'Goal id'
complete -c microstep -n '__fish_seen_subcommand_from plan' -s y -l yes -d 'Write without asking'
complete -c microstep -n '__fish_seen_subcommand_from add set plan' -l after -x -d 'The anchor habit'
complete -c microstep -n '__fish_seen_subcommand_from add set plan' -l every -x -a $schedules -d 'Schedule'
complete -c microstep -n '__fish_seen_subcommand_from add set plan' -l feeling -x -d 'The feeling'
complete -c microstep -n '__fish_seen_subcommand_from add set' -l unit -x -d 'Unit of the amounts'
complete -c microstep -n '__fish_seen_subcommand_from add set shrink grow' -l minimum -x -d 'Minimum amount'
complete -c microstep -n '__fish_seen_subcommand_from add set' -l minutes -x -d 'Minutes the step takes'
complete -c microstep -n '__fish_seen_subcommand_from add set' -l at -x -d 'Time of day, HH:MM'
complete -c microstep -n '__fish_seen_subcommand_from add' -l start -x -a $days -d 'First day'
complete -c microstep -n '__fish_seen_subcommand_from set' -l step -x -d 'The new step'
complete -c microstep -n '__fish_seen_subcommand_from set' -l from -x -a $days -d 'First day of the change'
complete -c microstep -n '__fish_seen_subcommand_from set' -l status -x -a 'active paused done archived' -d 'Status'
complete -c microstep -n '__fish_seen_subcommand_from done' -l amount -x -d 'How much you did'
complete -c microstep -n '__fish_seen_subcommand_from done' -l truth -x -d 'A believable truth you noticed'
complete -c microstep -n '__fish_seen_subcommand_from done' -l mood -x -a '1 2 3 4 5' -d 'How you feel, 1 to 5'
complete -c microstep -n '__fish_seen_subcommand_from add' -l goal-of -x -a '(__microstep_ids)' -d "Another step of this goal's big goal"
complete -c microstep -n '__fish_seen_subcommand_from done skip pause resume mood' -l note -x -d 'A note'
complete -c microstep -n '__fish_seen_subcommand_from done skip undo pause resume mood' -l date -x -a $days -d 'The day'
complete -c microstep -n '__fish_seen_subcommand_from list' -l ids -d 'Only the goal ids'
complete -c microstep -n '__fish_seen_subcommand_from list today stats review' -l by-goal -d 'Group the steps of each big goal'
complete -c microstep -n '__fish_seen_subcommand_from share' -l week -x -a $days -d 'Any day of the week'
complete -c microstep -n '__fish_seen_subcommand_from share' -l format -x -a 'text markdown json' -d 'Format'
complete -c microstep -n '__fish_seen_subcommand_from share' -l with-notes -d 'Add the notes and truths'
complete -c microstep -n '__fish_seen_subcommand_from calendar' -l weeks -x -d 'Strips of the last N weeks'
complete -c microstep -n '__fish_seen_subcommand_from calendar' -l months -x -d 'Month grids of the last N months'
complete -c microstep -n '__fish_seen_subcommand_from calendar' -l ascii -d 'Plain ASCII marks'
complete -c microstep -n '__fish_seen_subcommand_from chart' -l svg -r -F -d 'Write the SVG to FILE'
complete -c microstep -n '__fish_seen_subcommand_from chart' -l weeks -x -d 'Week columns (default: up to 53)'
complete -c microstep -n '__fish_seen_subcommand_from grow' -l force -d 'Grow even when the rules say no'
complete -c microstep -n '__fish_seen_subcommand_from review' -l week -x -a $days -d 'Any day of the week'
complete -c microstep -n '__fish_seen_subcommand_from review' -l all -d 'Paused, done and archived goals too'
complete -c microstep -n '__fish_seen_subcommand_from stats' -l all -d 'Archived goals too'
complete -c microstep -n '__fish_seen_subcommand_from due' -s q -l quiet -d 'Print nothing'
complete -c microstep -n '__fish_seen_subcommand_from due' -l at-time -d 'Wait for at: times'
complete -c microstep -n '__fish_seen_subcommand_from remind' -l again-after -x -d 'Say a step again after this long'
complete -c microstep -n '__fish_seen_subcommand_from log export' -l since -x -a $days -d 'From this day'
complete -c microstep -n '__fish_seen_subcommand_from log' -l until -x -a $days -d 'Up to this day'
complete -c microstep -n '__fish_seen_subcommand_from import' -l dry-run -d 'Write nothing'
complete -c microstep -n '__fish_seen_subcommand_from import; and not __fish_seen_subcommand_from loop harsh csv json' -a 'loop harsh csv json'
complete -c microstep -n '__fish_seen_subcommand_from import; and __fish_seen_subcommand_from loop harsh csv json' -F
complete -c microstep -n '__fish_seen_subcommand_from export' -l format -x -a 'csv json ics' -d 'Format'
complete -c microstep -n '__fish_seen_subcommand_from export' -s o -l output -r -F -d 'Write to FILE'
