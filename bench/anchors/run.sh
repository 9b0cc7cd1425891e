#!/usr/bin/env bash
# Moved to bench/run (which also measures the assessment and the memory).
exec "$(dirname "${BASH_SOURCE[0]}")/../run" "$@"
