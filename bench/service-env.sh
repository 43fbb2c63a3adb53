# Sourced by the benches that start the panel: service_env prints the NAME=VALUE settings of deploy/webops.service's
# Environment= lines (runtime settings the panel is installed with), so a bench measures the panel as the service
# runs it. SERVICE_ENV=none leaves them out, to measure what they change.
service_env() {
  [[ ${SERVICE_ENV:-} == none ]] || sed -n 's/^Environment=//p' "$(dirname "${BASH_SOURCE[0]}")/../deploy/webops.service"
}

# "; panel environment: NAME=VALUE ..." for a bench's summary line, or nothing when there is none.
service_env_note() {
  local e
  e=$(service_env | tr '\n' ' ')
  [[ -z $e ]] || echo "; panel environment: ${e% }"
}
