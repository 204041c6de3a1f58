# kitgen.bash - bash completion for kitgen: its commands, each command's
# options, and their values (folders, formats, paper sizes, editions, git
# revisions). Installed as share/bash-completion/completions/kitgen;
# tests/t-install.sh checks the option lists against each --help.

_kitgen_options()
{
	case $1 in
	check) echo "--content --quiet --help" ;;
	build) echo "--content --templates --out --edition --format --paper --release --changes-since --language --quiet --help" ;;
	list) echo "--content --help" ;;
	digest) echo "--content --build --templates --paper --help" ;;
	export) echo "--format --content --out --language --help" ;;
	diff) echo "--format --git --content --translations --language --help" ;;
	render) echo "--data --partials --help" ;;
	init) echo "--role --quiet --help" ;;
	labels) echo "--templates --help" ;;
	schema) echo "--help" ;;
	serve) echo "--port --bind --content --templates --language --help" ;;
	card) echo "--content --round --language --help" ;;
	loop) echo "--candidate --date --interviewer --out --force-output-dir --content --templates --format --paper --language --help" ;;
	translate) echo "--status --stamp --language --format --content --help" ;;
	score | calibrate) echo "--content --templates --out --language --anonymise --help" ;;
	esac
}

# The value of --content on the command line so far, or "content".
_kitgen_content()
{
	local i
	for ((i = 2; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-c | --content)
			if [[ ${COMP_WORDS[i + 1]} == = ]]; then
				echo "${COMP_WORDS[i + 2]}"
			else
				echo "${COMP_WORDS[i + 1]}"
			fi
			return
			;;
		esac
	done
	echo content
}

# Complete the last item of a comma-separated list from the words in $1.
_kitgen_list()
{
	local head="" last=$cur w
	if [[ $cur == *,* ]]; then
		head=${cur%,*},
		last=${cur##*,}
	fi
	COMPREPLY=()
	for w in $1; do
		[[ $w == "$last"* ]] && COMPREPLY+=("$head$w")
	done
}

_kitgen()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev="" cmd=${COMP_WORDS[1]:-}
	local kitgen=${COMP_WORDS[0]} IFS=$' \t\n'
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value arrives as three words: --opt, =, value
	if [[ $cur == = ]]; then
		cur=""
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	COMPREPLY=()
	# serve's -p is --port (a number), its -b --bind (an address)
	if [[ $cmd == serve && $prev == @(-p|--port|-b|--bind) ]]; then
		return
	fi
	if ((COMP_CWORD == 1)); then
		COMPREPLY=($(compgen -W "check build list digest diff render init labels loop card score calibrate schema serve export translate --help --version" -- "$cur"))
		return
	fi
	case $prev in
	-o | --out)
		# export writes a file; the others, a folder
		if [[ $cmd == export ]]; then
			COMPREPLY=($(compgen -f -- "$cur"))
		else
			COMPREPLY=($(compgen -d -- "$cur"))
		fi
		return
		;;
	-c | --content | -t | --templates | -p | --partials)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	-d | --data)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	-l | --language)
		# the folders of CONTENT/translations
		local langs
		langs=$(cd "$(_kitgen_content)/translations" 2>/dev/null &&
			for d in */; do [[ -d $d ]] && echo "${d%/}"; done)
		COMPREPLY=($(compgen -W "$langs" -- "$cur"))
		return
		;;
	-f | --format)
		if [[ $cmd == diff || $cmd == translate ]]; then
			COMPREPLY=($(compgen -W "text md" -- "$cur"))
		elif [[ $cmd == export ]]; then
			COMPREPLY=($(compgen -W "json csv" -- "$cur"))
		else
			_kitgen_list "md html pdf"
		fi
		return
		;;
	--paper)
		COMPREPLY=($(compgen -W "a4 letter" -- "$cur"))
		return
		;;
	-e | --edition)
		local ids
		ids=$("$kitgen" list --content "$(_kitgen_content)" 2>/dev/null |
			awk '/^[^ ]/ { print $1 }')
		COMPREPLY=($(compgen -W "$ids" -- "$cur"))
		return
		;;
	--git | --changes-since)
		COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' \
			refs/tags refs/heads 2>/dev/null) HEAD" -- "$cur"))
		return
		;;
	-r | --role | --round | -C | --candidate | -D | --date | -i | --interviewer)
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_kitgen_options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	diff)
		# after --git REV: a folder, or the second revision
		COMPREPLY=($(compgen -d -- "$cur"))
		[[ " ${COMP_WORDS[*]} " == *" --git "* ]] &&
			COMPREPLY+=($(compgen -W "$(git for-each-ref --format='%(refname:short)' \
				refs/tags refs/heads 2>/dev/null) HEAD" -- "$cur"))
		;;
	init) COMPREPLY=($(compgen -d -- "$cur")) ;;
	schema) COMPREPLY=($(compgen -W "kit topic scenarios" -- "$cur")) ;;
	labels)
		# the languages of the labels tables: TEMPLATES/labels/LANG.yaml
		local tpl=templates i
		for ((i = 2; i < COMP_CWORD; i++)); do
			[[ ${COMP_WORDS[i]} == @(-t|--templates) ]] && tpl=${COMP_WORDS[i + 1]}
		done
		COMPREPLY=($(compgen -W "$(cd "$tpl/labels" 2>/dev/null &&
			for f in *.yaml; do [[ -f $f ]] && echo "${f%.yaml}"; done)" -- "$cur"))
		;;
	render | score | calibrate) COMPREPLY=($(compgen -f -- "$cur")) ;;
	translate)
		# --stamp ID...: the items of the translation are the kit's ids
		return
		;;
	card | export | loop)
		# the packets, not their parts (panels/PACKET/round-1, ...)
		local ids
		ids=$("$kitgen" list --content "$(_kitgen_content)" 2>/dev/null |
			awk '/^panels\/[^\/ ]+ / { sub("panels/", "", $1); print $1 }')
		COMPREPLY=($(compgen -W "$ids" -- "$cur"))
		;;
	esac
}

complete -F _kitgen kitgen
