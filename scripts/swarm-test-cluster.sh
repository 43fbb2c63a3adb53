#!/usr/bin/env bash
# A two-node Docker Swarm test cluster on one machine, for the Swarm tests (as root, no stdin).
#
# Two private Docker engines, each in its own network namespace, joined by a host bridge; the host's own
# engine, docker0 and its containers are never touched. A local registry (Debian's docker-registry) runs on
# the host side of the bridge; both engines trust it as an insecure registry.
#
#   host (bridge webops-swbr0)  10.213.0.1   registry on 10.213.0.1:5959
#   netns webops-swm            10.213.0.2   engine unix:///run/webops-swarm/manager.sock
#   netns webops-sww            10.213.0.3   engine unix:///run/webops-swarm/worker.sock
#
# Commands (each idempotent):
#   up       bridge, namespaces, both engines, the registry; loads the webops-test base images into both
#   swarm    up, then the manager inits a swarm and the worker joins it
#   leave    both engines leave their swarm (back to two plain engines, for tests of 'cluster init')
#   down     stops everything and removes the namespaces, bridge and data folders
#   stop-engine manager|worker   stops that node's engine (its tasks' containers stop with it), as a server that
#            goes down would; the namespace and address stay, so connections to its ports are refused
#   start-engine manager|worker  starts it again and, when it is in the swarm, waits until the manager lists the
#            node as Ready again
#   env      prints the addresses as shell assignments (WEBOPS_SWARM_MANAGER=..., ...)
#   status   prints each part's state
#
# Environment:
#   WEBOPS_SWARM_IMAGES  base images copied into both engines (default: the three webops-test images)
set -euo pipefail
exec </dev/null

BRIDGE=webops-swbr0
HOST_ADDR=10.213.0.1
REGISTRY_PORT=5959
REGISTRY=$HOST_ADDR:$REGISTRY_PORT
STATE=/var/lib/webops-swarm
RUN=/run/webops-swarm
LOGS=/var/log/webops-swarm
NODES=(manager worker)
declare -A NS=([manager]=webops-swm [worker]=webops-sww)
declare -A ADDR=([manager]=10.213.0.2 [worker]=10.213.0.3)
declare -A VETH=([manager]=wswm [worker]=wsww)
declare -A BIP=([manager]=10.214.1.1/24 [worker]=10.214.2.1/24)
IMAGES=${WEBOPS_SWARM_IMAGES:-"${WEBOPS_TEST_IMAGE_BUSYBOX:-webops-test/busybox:1} ${WEBOPS_TEST_IMAGE_NGINX:-webops-test/nginx:1} ${WEBOPS_TEST_IMAGE_PYTHON:-webops-test/python-django:1}"}

log() { printf '[swarm-cluster] %s\n' "$*"; }
die() {
  printf '[swarm-cluster] ERROR: %s\n' "$*" >&2
  exit 1
}
sock() { printf 'unix://%s/%s.sock' "$RUN" "$1"; }
dk() {
  local node=$1
  shift
  docker -H "$(sock "$node")" "$@"
}
# wait_for SECONDS DESCRIPTION CMD...: polls CMD every 0.25 s until it succeeds.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.25
  done
}

network_up() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$HOST_ADDR/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  # The host engine sets the FORWARD policy to DROP and bridged frames pass iptables (br_netfilter): without
  # this rule the two nodes cannot reach each other and the worker's join times out.
  iptables -C FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null || iptables -I FORWARD 1 -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
  local node ns veth
  for node in "${NODES[@]}"; do
    ns=${NS[$node]}
    veth=${VETH[$node]}
    [[ -e /var/run/netns/$ns ]] || ip netns add "$ns"
    if ! ip link show "${veth}0" >/dev/null 2>&1; then
      ip link add "${veth}0" type veth peer name "${veth}1"
      ip link set "${veth}1" netns "$ns"
      ip link set "${veth}0" master "$BRIDGE"
      ip link set "${veth}0" up
      nsenter --net="/var/run/netns/$ns" ip addr add "${ADDR[$node]}/24" dev "${veth}1"
      nsenter --net="/var/run/netns/$ns" ip link set "${veth}1" up
      nsenter --net="/var/run/netns/$ns" ip link set lo up
    fi
  done
}

registry_up() {
  mkdir -p "$STATE/registry" "$RUN" "$LOGS"
  if curl -fsS -m 2 "http://$REGISTRY/v2/" >/dev/null 2>&1; then return; fi
  command -v docker-registry >/dev/null || die "docker-registry is not installed (apt-get install docker-registry)"
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
  setsid nohup docker-registry serve "$STATE/registry.yml" >"$LOGS/registry.log" 2>&1 8>&- &
  echo $! >"$RUN/registry.pid"
  wait_for 20 "registry" curl -fsS -m 2 "http://$REGISTRY/v2/" || {
    tail -n 20 "$LOGS/registry.log" >&2
    die "the registry did not answer on $REGISTRY within 20 s"
  }
}

engine_up() {
  local node=$1 ns=${NS[$1]}
  if dk "$node" info >/dev/null 2>&1; then return; fi
  mkdir -p "$STATE/$node" "$RUN/$node" "$LOGS"
  # nsenter, not 'ip netns exec': the latter remounts /sys and dockerd then fails ("Devices cgroup isn't mounted").
  # Own UTS namespace too, so each node has its own hostname in 'docker node ls' and placement rules.
  nsenter --net="/var/run/netns/$ns" unshare --uts setsid nohup sh -c 'hostname "$0" && exec "$@"' "$ns" dockerd \
    --data-root "$STATE/$node" --exec-root "$RUN/$node" -H "$(sock "$node")" --pidfile "$RUN/$node.pid" \
    --iptables=false --bip "${BIP[$node]}" --insecure-registry "$REGISTRY" \
    >"$LOGS/$node.log" 2>&1 8>&- &
  wait_for 60 "$node engine" dk "$node" info || {
    tail -n 30 "$LOGS/$node.log" >&2
    die "the $node engine did not answer within 60 s"
  }
}

images_in() {
  local node=$1 image
  for image in $IMAGES; do
    dk "$node" image inspect "$image" >/dev/null 2>&1 && continue
    docker image inspect "$image" >/dev/null 2>&1 || die "base image $image is missing on the host engine (run scripts/install-test-deps.sh)"
    docker save "$image" | dk "$node" load >/dev/null
    log "$node: loaded $image"
  done
}

swarm_state() { dk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }

cmd_up() {
  [[ $(id -u) == 0 ]] || die "run as root (it creates network namespaces and starts engines)"
  exec 8>/tmp/webops-swarm-cluster.lock
  flock 8
  network_up
  registry_up
  local node
  for node in "${NODES[@]}"; do engine_up "$node"; done
  for node in "${NODES[@]}"; do images_in "$node"; done
  log "up: manager $(sock manager), worker $(sock worker), registry $REGISTRY"
}

cmd_swarm() {
  cmd_up
  if [[ $(swarm_state manager) != active ]]; then
    dk manager swarm init --advertise-addr "${ADDR[manager]}" >/dev/null
  fi
  if [[ $(swarm_state worker) != active ]]; then
    dk worker swarm join --token "$(dk manager swarm join-token -q worker)" "${ADDR[manager]}:2377" >/dev/null
  fi
  wait_for 60 "worker ready" bash -c "[[ \$(docker -H $(sock manager) node ls --filter role=worker --format '{{.Status}}') == Ready ]]" ||
    die "the worker did not show as Ready on the manager within 60 s"
  log "swarm: $(dk manager node ls --format '{{.Hostname}}/{{.Status}}/{{.ManagerStatus}}' | tr '\n' ' ')"
}

cmd_leave() {
  local node
  for node in worker manager; do
    if dk "$node" info >/dev/null 2>&1 && [[ $(swarm_state "$node") != inactive ]]; then
      dk "$node" swarm leave --force >/dev/null || true
    fi
  done
  log "left: both engines are out of any swarm"
}

# kill_pidfile FILE [SECONDS]: TERM, then KILL after SECONDS (default 20) if the process has not ended.
kill_pidfile() {
  local f=$1 limit=${2:-20} pid
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 $((limit * 4))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

cmd_down() {
  [[ $(id -u) == 0 ]] || die "run as root"
  exec 8>/tmp/webops-swarm-cluster.lock
  flock 8
  cmd_leave 2>/dev/null || true
  local node m
  for node in "${NODES[@]}"; do
    if dk "$node" info >/dev/null 2>&1; then
      dk "$node" ps -aq | xargs -r docker -H "$(sock "$node")" rm -f >/dev/null 2>&1 || true
    fi
    kill_pidfile "$RUN/$node.pid"
  done
  kill_pidfile "$RUN/registry.pid"
  for node in "${NODES[@]}"; do
    ip netns del "${NS[$node]}" 2>/dev/null || true
    ip link del "${VETH[$node]}0" 2>/dev/null || true
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  while iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null; do :; done
  # Engines leave mounts (overlay layers, netns files) under their folders: unmount before deleting.
  while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(findmnt -rn -o TARGET | grep -E "^($STATE|$RUN)/" | sort -r)
  rm -rf --one-file-system "$STATE" "$RUN"
  log "down"
}

node_arg() {
  [[ -n ${1:-} && -n ${NS[$1]:-} ]] || die "usage: $0 $2 manager|worker"
}

cmd_stop_engine() {
  local node=${1:-}
  node_arg "$node" stop-engine
  [[ $(id -u) == 0 ]] || die "run as root"
  exec 8>/tmp/webops-swarm-cluster.lock
  flock 8
  # A clean stop: the engine stops its containers first (up to their stop grace period, 10 s for WebOps tasks).
  kill_pidfile "$RUN/$node.pid" 60
  log "stopped the $node engine"
}

cmd_start_engine() {
  local node=${1:-}
  node_arg "$node" start-engine
  [[ $(id -u) == 0 ]] || die "run as root"
  exec 8>/tmp/webops-swarm-cluster.lock
  flock 8
  network_up
  engine_up "$node"
  if [[ $(swarm_state "$node") != inactive ]]; then
    local hostname=${NS[$node]}
    wait_for 90 "$node ready" bash -c "[[ \$(docker -H $(sock manager) node inspect $hostname --format '{{.Status.State}}') == ready ]]" ||
      die "the $node did not show as ready on the manager within 90 s after its engine started"
  fi
  log "started the $node engine"
}

cmd_env() {
  printf 'WEBOPS_SWARM_MANAGER=%s\nWEBOPS_SWARM_WORKER=%s\nWEBOPS_SWARM_MANAGER_ADDR=%s\nWEBOPS_SWARM_WORKER_ADDR=%s\nWEBOPS_SWARM_REGISTRY=%s\n' \
    "$(sock manager)" "$(sock worker)" "${ADDR[manager]}" "${ADDR[worker]}" "$REGISTRY"
}

cmd_status() {
  local node
  printf 'registry %s: %s\n' "$REGISTRY" "$(curl -fsS -m 2 "http://$REGISTRY/v2/" >/dev/null 2>&1 && echo up || echo down)"
  for node in "${NODES[@]}"; do
    if dk "$node" info >/dev/null 2>&1; then
      printf '%s %s: up, swarm %s\n' "$node" "$(sock "$node")" "$(swarm_state "$node")"
    else
      printf '%s %s: down\n' "$node" "$(sock "$node")"
    fi
  done
}

case ${1:-} in
up) cmd_up ;;
swarm) cmd_swarm ;;
leave) cmd_leave ;;
down) cmd_down ;;
stop-engine) cmd_stop_engine "${2:-}" ;;
start-engine) cmd_start_engine "${2:-}" ;;
env) cmd_env ;;
status) cmd_status ;;
*) die "usage: $0 up|swarm|leave|down|stop-engine NODE|start-engine NODE|env|status" ;;
esac
