#!/usr/bin/env bash
# Prepares a Debian 12 machine for the WebOps test suite, as root and without stdin:
#   1. apt packages (Docker engine, git, debootstrap, busybox-static, Chromium, systemd-analyze, npm (the
#      build vendors the graph library from the npm registry),
#      caddy and pebble for the edge proxy tests, which start their own on free ports,
#      docker-compose (1.29, Debian's Compose CLI; the v2 plugin is not packaged) for Compose deployments,
#      docker-registry (the local registry of the two-node Swarm test cluster, scripts/swarm-test-cluster.sh),
#      python3-prometheus-client (the Prometheus text parser the /metrics test reads the output with)),
#   2. a running Docker engine,
#   3. three local base images. Docker Hub is not reachable here, so they are built from Debian
#      packages (busybox-static, and debootstrap from the mirror apt already uses).
# Idempotent: a second run installs, starts and builds nothing that already exists.
#
# Environment:
#   WEBOPS_SKIP_BROWSER=1        do not install chromium and chromium-driver
#   WEBOPS_TEST_IMAGE_BUSYBOX    tag of the static-site image   (default webops-test/busybox:1)
#   WEBOPS_TEST_IMAGE_NGINX      tag of the nginx image         (default webops-test/nginx:1)
#   WEBOPS_TEST_IMAGE_PYTHON     tag of the Python/Django image (default webops-test/python-django:1)
#   WEBOPS_VERIFY_IMAGES=1       also verify images that already existed
set -euo pipefail
shopt -s inherit_errexit
exec </dev/null
export DEBIAN_FRONTEND=noninteractive

BUSYBOX_TAG=${WEBOPS_TEST_IMAGE_BUSYBOX:-webops-test/busybox:1}
NGINX_TAG=${WEBOPS_TEST_IMAGE_NGINX:-webops-test/nginx:1}
PYTHON_TAG=${WEBOPS_TEST_IMAGE_PYTHON:-webops-test/python-django:1}
SUITE=bookworm
CACHE_DIR=/var/cache/webops-debootstrap
LOG_DIR=/var/log/webops-test-deps
DOCKERD_LOG=/var/log/dockerd.log
FALLBACK_MIRROR=http://deb.debian.org/debian
APT_ETC=/etc/apt
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[deps] %s\n' "$*"; }
die() {
  printf '[deps] ERROR: %s\n' "$*" >&2
  exit 1
}
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
# step_done MESSAGE: prints MESSAGE with the time since the last step_start.
step_start() { STEP_T0=$(now); }
step_done() { log "$1 ($(awk -v a="$STEP_T0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s)"; }

# run_logged NAME CMD...: keeps a noisy command's output in $LOG_DIR/NAME.log, shows its tail on failure.
run_logged() {
  local name=$1
  shift
  local logf="$LOG_DIR/$name.log"
  if ! "$@" >"$logf" 2>&1; then
    printf '[deps] command failed: %s\n' "$*" >&2
    tail -n 40 "$logf" >&2
    printf '[deps] full log: %s\n' "$logf" >&2
    return 1
  fi
}

# --- cleanup of everything temporary, also on failure ---------------------------------------------
WORK=""
TEMP_CONTAINERS=()
TEMP_IMAGES=()
CURRENT_STEP=""
cleanup() {
  local rc=$? c i m
  if ((rc != 0)) && [[ -n $CURRENT_STEP ]]; then
    printf '[deps] FAILED while %s (exit %s; command logs in %s)\n' "$CURRENT_STEP" "$rc" "$LOG_DIR" >&2
  fi
  for c in "${TEMP_CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  for i in "${TEMP_IMAGES[@]}"; do docker image rm -f "$i" >/dev/null 2>&1 || true; done
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    # A debootstrap that died half-way can leave proc/sys/dev mounted inside its target: unmount
    # before deleting, and never let rm cross into another file system.
    while read -r m; do
      umount -l "$m" 2>/dev/null || true
    done < <(findmnt -rn -o TARGET | awk -v w="$WORK/" 'index($0, w) == 1' | sort -r)
    rm -rf --one-file-system "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ $(id -u) == 0 ]] || die "run as root (it installs packages and starts the Docker engine)"
mkdir -p "$LOG_DIR"

# Serialize concurrent runs (several engineers or test runs on one machine).
exec 9>/tmp/webops-install-test-deps.lock
if ! flock -n 9; then
  log "another install-test-deps.sh is running; waiting for it"
  flock 9
fi

# --- 1. apt packages -------------------------------------------------------------------------------
step_start
CURRENT_STEP="installing apt packages"
packages=(docker.io git debootstrap debian-archive-keyring busybox-static ca-certificates curl python3-django gunicorn python3-venv caddy pebble openssl docker-compose docker-registry python3-prometheus-client)
if [[ ${WEBOPS_SKIP_BROWSER:-0} == 1 ]]; then
  log "WEBOPS_SKIP_BROWSER=1: not installing chromium / chromium-driver"
else
  packages+=(chromium chromium-driver)
fi
# systemd-analyze comes with the 'systemd' package. Installing it only adds the tools: PID 1 stays
# what it is (that would need systemd-sysv and a reboot), and unit verification works offline.
if command -v systemd-analyze >/dev/null 2>&1; then
  log "systemd-analyze: using $(command -v systemd-analyze) (package systemd, not PID 1)"
else
  log "systemd-analyze: missing, installing package systemd (tools only; PID 1 is not changed)"
  packages+=(systemd)
fi
# The build needs npm; a machine may already have it from another Node.js package (which conflicts with Debian's).
if command -v npm >/dev/null 2>&1; then
  log "npm: using $(command -v npm)"
else
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ $status == ii* ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  step_done "apt packages already installed"
else
  log "installing: ${missing[*]}"
  run_logged apt-update apt-get update
  run_logged apt-install apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}"
  step_done "apt packages installed: ${missing[*]}"
fi
# Compose deployments run the host's Compose CLI: docker compose (v2) when present, else docker-compose.
if ! docker compose version >/dev/null 2>&1 && ! docker-compose version --short >/dev/null 2>&1; then
  die "no Compose CLI answers after installing docker-compose: run 'docker-compose version' to see why"
fi

# --- 2. Docker engine ------------------------------------------------------------------------------
step_start
CURRENT_STEP="starting the Docker engine"
docker_ready() { docker info >/dev/null 2>&1; }
docker_failed() {
  local info_error
  info_error=$(docker info 2>&1 >/dev/null | tail -n 3 || true)
  printf '[deps] last lines of %s:\n' "$DOCKERD_LOG" >&2
  tail -n 30 "$DOCKERD_LOG" >&2 2>/dev/null || true
  printf '[deps] docker info says: %s\n' "$info_error" >&2
  die "Docker engine could not be started: $*"
}
if docker_ready; then
  step_done "docker engine already running"
else
  dockerd_pid=""
  if pgrep -x dockerd >/dev/null; then
    # Never start a second daemon beside a running one (it would fight over docker0 and the socket).
    log "dockerd is running but does not answer yet; waiting for it"
  else
    command -v dockerd >/dev/null 2>&1 || die "Docker engine could not be started: dockerd is not installed (package docker.io)"
    # Own session, no stdin, lock fd closed: the daemon outlives this script and does not hold the lock.
    setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
    dockerd_pid=$!
  fi
  deadline=$((SECONDS + 60))
  until docker_ready; do
    if [[ -n $dockerd_pid ]] && ! kill -0 "$dockerd_pid" 2>/dev/null; then
      docker_failed "dockerd exited right after start"
    fi
    ((SECONDS < deadline)) || docker_failed "'docker info' still fails after 60 s"
    sleep 0.25
  done
  step_done "docker engine ready"
fi
CURRENT_STEP=""

# --- 3. base images --------------------------------------------------------------------------------
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Prints the mirror apt uses for "$SUITE" (one-line .list and deb822 .sources files).
debian_mirror() {
  local files=() f
  # apt's order: sources.list, then sources.list.d/ by name (*.list and *.sources mixed).
  for f in "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*; do
    [[ -f $f && ($f == */sources.list || $f == *.list || $f == *.sources) ]] && files+=("$f")
  done
  local found=""
  if ((${#files[@]} > 0)); then
    found=$(awk -v suite="$SUITE" '
      function has_word(list, w,    n, a, i) {
        n = split(list, a, /[ \t]+/)
        for (i = 1; i <= n; i++) if (a[i] == w) return 1
        return 0
      }
      function consider(uris,    n, a, i) {
        n = split(uris, a, /[ \t]+/)
        for (i = 1; i <= n; i++) if (found == "" && a[i] ~ /^https?:\/\//) found = a[i]
      }
      function flush() {
        if (has_word(types, "deb") && has_word(suites, suite) && tolower(enabled) !~ /no/) consider(uris)
        types = ""; uris = ""; suites = ""; enabled = ""; key = ""
      }
      FNR == 1 { if (deb822) flush(); deb822 = (FILENAME ~ /\.sources$/) }
      deb822 {
        if ($0 ~ /^[ \t]*#/) next
        if ($0 ~ /^[ \t]*$/) { flush(); next }
        if ($0 ~ /^[ \t]/) {
          if (key == "uris") uris = uris " " $0; else if (key == "suites") suites = suites " " $0
          next
        }
        c = index($0, ":"); if (c == 0) next
        key = tolower(substr($0, 1, c - 1)); v = substr($0, c + 1)
        if (key == "types") types = v; else if (key == "uris") uris = v
        else if (key == "suites") suites = v; else if (key == "enabled") enabled = v
        next
      }
      /^[ \t]*deb[ \t]/ {
        line = $0; sub(/#.*/, "", line); gsub(/\[[^]]*\]/, " ", line)
        n = split(line, w, /[ \t]+/); i = (w[1] == "") ? 2 : 1
        if (w[i] == "deb" && w[i + 2] == suite) consider(w[i + 1])
      }
      END { if (deb822) flush(); print found }
    ' "${files[@]}")
  fi
  found=${found%/}
  printf '%s\n' "${found:-$FALLBACK_MIRROR}"
}

# Any process left running with its root inside the target would keep mounts busy.
kill_chroot_processes() {
  local p root
  for p in /proc/[0-9]*; do
    root=$(readlink "$p/root" 2>/dev/null) || continue
    if [[ $root == "$1" || $root == "$1"/* ]]; then kill -9 "${p#/proc/}" 2>/dev/null || true; fi
  done
}

# debootstrap_rootfs DIR PACKAGES: a fresh minbase root file system in DIR.
debootstrap_rootfs() {
  local rootfs=$1
  mkdir -p "$CACHE_DIR"
  run_logged "debootstrap-${rootfs##*/}" debootstrap --variant=minbase --cache-dir="$CACHE_DIR" \
    --include="$2" "$SUITE" "$rootfs" "$MIRROR"
  kill_chroot_processes "$rootfs"
  # Small image: no downloaded packages or package lists (apt-get update works again inside).
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/var/log/*.log
}

# import_rootfs DIR TAG CHANGE...: imports the tree as an image; CHANGEs are `docker import --change`s.
import_rootfs() {
  local rootfs=$1 tag=$2
  shift 2
  local changes=() c logf="$LOG_DIR/import-${rootfs##*/}.log"
  for c in "$@"; do changes+=(--change "$c"); done
  # Device nodes, proc and sys come from the runtime, not from the image.
  if ! tar --numeric-owner -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
    docker import "${changes[@]}" - "$tag" >"$logf" 2>&1; then
    tail -n 20 "$logf" >&2
    return 1
  fi
}

# verify_fail CONTAINER MESSAGE: shows the container's last log lines (if any) and stops the script.
verify_fail() {
  if [[ -n $1 ]]; then
    printf '[deps] last log lines of container %s:\n' "$1" >&2
    docker logs --tail 30 "$1" >&2 2>&1 || true
  fi
  die "verification failed: $2"
}

# start_container NAME DOCKER-RUN-ARGS...: a detached verification container, removed at exit.
start_container() {
  TEMP_CONTAINERS+=("$1")
  docker run -d --name "$@" >/dev/null || verify_fail "" "docker run ${*:2} did not start"
}

# published_port CONTAINER PORT: the 127.0.0.1 host port Docker picked.
published_port() {
  local addr
  addr=$(docker port "$1" "$2/tcp" | head -n 1)
  printf '%s\n' "${addr##*:}"
}

# wait_http URL TEXT: polls up to 20 s until the body of URL contains TEXT.
wait_http() {
  local body="" i
  for ((i = 0; i < 80; i++)); do
    if body=$(curl -fsS --noproxy '*' --max-time 2 "$1" 2>/dev/null) && [[ $body == *"$2"* ]]; then
      return 0
    fi
    sleep 0.25
  done
  printf '[deps] %s did not answer with "%s" within 20 s; last body: %s\n' "$1" "$2" "${body:-<none>}" >&2
  return 1
}

build_busybox() {
  local ctx="$WORK/busybox"
  [[ -x /bin/busybox ]] || die "/bin/busybox missing (package busybox-static)"
  mkdir -p "$ctx"
  cp /bin/busybox "$ctx/busybox"
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'daemon:x:1:1:daemon:/usr/sbin:/bin/false' \
    'www-data:x:33:33:www-data:/var/www:/bin/false' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' \
    >"$ctx/passwd"
  printf '%s\n' 'root:x:0:' 'daemon:x:1:' 'www-data:x:33:' 'nogroup:x:65534:' >"$ctx/group"
  printf '%s\n' 'root:*:19000:0:99999:7:::' >"$ctx/shadow"
  # Applets become hard links, as in the official busybox image, so shell-form RUN lines (mkdir,
  # chown, adduser, ...) work; /bin/sh is a plain copy so a shell exists even before that.
  cat >"$ctx/Dockerfile" <<EOF
FROM scratch
COPY busybox /bin/busybox
COPY busybox /bin/sh
COPY passwd group shadow /etc/
ENV PATH=$IMAGE_PATH
RUN ["/bin/busybox", "mkdir", "-p", "/www", "/tmp", "/root", "/sbin", "/usr/bin", "/usr/sbin"]
RUN ["/bin/busybox", "chmod", "1777", "/tmp"]
RUN ["/bin/busybox", "--install"]
EXPOSE 8080
CMD ["/bin/busybox","httpd","-f","-p","8080","-h","/www"]
EOF
  # The legacy builder works with every CLI here; BuildKit would need the absent buildx plugin.
  DOCKER_BUILDKIT=0 run_logged build-busybox docker build --force-rm -t "$1" "$ctx"
}

verify_busybox() {
  local tag=$1 ctx="$WORK/busybox-verify" derived="webops-deps-verify-$$-busybox-site"
  local c="webops-deps-verify-$$-busybox" port
  mkdir -p "$ctx"
  printf 'FROM %s\nRUN mkdir -p /www && echo "webops busybox ok" > /www/index.html\n' "$tag" >"$ctx/Dockerfile"
  TEMP_IMAGES+=("$derived")
  DOCKER_BUILDKIT=0 run_logged verify-busybox docker build --force-rm -t "$derived" "$ctx" ||
    verify_fail "" "a shell-form RUN line does not build on $tag"
  start_container "$c" --init -p 127.0.0.1::8080 "$derived"
  port=$(published_port "$c" 8080)
  wait_http "http://127.0.0.1:$port/" "webops busybox ok" || verify_fail "$c" "busybox httpd in $tag"
  docker rm -f "$c" >/dev/null
  docker image rm -f "$derived" >/dev/null
}

build_nginx() {
  local rootfs="$WORK/nginx"
  debootstrap_rootfs "$rootfs" nginx-light
  # Like the official image: the site lives in /usr/share/nginx/html, conf.d/default.conf serves it
  # on port 80, logs go to the container's stdout and stderr, and a user named nginx exists.
  rm -f "$rootfs/etc/nginx/sites-enabled/default"
  mkdir -p "$rootfs/etc/nginx/conf.d" "$rootfs/usr/share/nginx/html" "$rootfs/var/log/nginx"
  cat >"$rootfs/etc/nginx/conf.d/default.conf" <<'EOF'
server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
EOF
  if [[ ! -f $rootfs/usr/share/nginx/html/index.html ]]; then
    cat >"$rootfs/usr/share/nginx/html/index.html" <<'EOF'
<!DOCTYPE html>
<html>
<head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1></body>
</html>
EOF
  fi
  ln -sfn /dev/stdout "$rootfs/var/log/nginx/access.log"
  ln -sfn /dev/stderr "$rootfs/var/log/nginx/error.log"
  if ! chroot "$rootfs" getent passwd nginx >/dev/null; then
    chroot "$rootfs" useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nginx
  fi
  import_rootfs "$rootfs" "$1" 'CMD ["nginx","-g","daemon off;"]' 'EXPOSE 80' "ENV PATH=$IMAGE_PATH"
}

verify_nginx() {
  local c="webops-deps-verify-$$-nginx" port i logs=""
  start_container "$c" -p 127.0.0.1::80 "$1"
  port=$(published_port "$c" 80)
  wait_http "http://127.0.0.1:$port/" "nginx" || verify_fail "$c" "nginx in $1 does not serve /usr/share/nginx/html"
  # The access log must reach `docker logs` (stdout), like the official image.
  for ((i = 0; i < 20; i++)); do
    logs=$(docker logs "$c" 2>/dev/null)
    [[ $logs == *'"GET / '* ]] && break
    sleep 0.1
  done
  [[ $logs == *'"GET / '* ]] || verify_fail "$c" "nginx access log of $1 does not reach docker logs"
  docker rm -f "$c" >/dev/null
}

build_python() {
  local rootfs="$WORK/python"
  debootstrap_rootfs "$rootfs" \
    python3,python-is-python3,python3-pip,python3-django,libjs-jquery,gunicorn,ca-certificates,passwd,adduser
  # Generated Dockerfiles run `pip install -r requirements.txt` as on python:3.12-slim; Debian's PEP 668
  # marker would refuse that. Debian's Django and gunicorn satisfy such requirements offline.
  rm -f "$rootfs"/usr/lib/python3*/EXTERNALLY-MANAGED
  import_rootfs "$rootfs" "$1" 'CMD ["python3"]' 'ENV PIP_BREAK_SYSTEM_PACKAGES=1' \
    "ENV PATH=$IMAGE_PATH" 'ENV LANG=C.UTF-8'
}

verify_python() {
  local tag=$1 out
  out=$(docker run --rm --network none "$tag" python -c 'import django; print(django.get_version())' 2>&1) ||
    verify_fail "" "importing django in $tag: $out"
  [[ $out == 3.2.* ]] || verify_fail "" "Django 3.2.x expected in $tag, got: $out"
  out=$(docker run --rm --network none "$tag" gunicorn --version 2>&1) ||
    verify_fail "" "gunicorn --version in $tag: $out"
  out=$(docker run --rm --network none "$tag" sh -c 'command -v useradd && command -v adduser' 2>&1) ||
    verify_fail "" "useradd/adduser missing in $tag: $out"
  out=$(docker run --rm --network none -w /tmp "$tag" \
    sh -c 'printf "Django\ngunicorn\n" >requirements.txt && pip install -r requirements.txt' 2>&1) ||
    verify_fail "" "offline pip install in $tag: $out"
  [[ $out == *"already satisfied: Django"* && $out == *"already satisfied: gunicorn"* ]] ||
    verify_fail "" "pip did not find Django and gunicorn already installed in $tag: $out"
}

# ensure_image KIND TAG: builds under a temporary tag, verifies, then tags, so a failed or interrupted
# run never leaves an unverified image under the real tag.
ensure_image() {
  local kind=$1 tag=$2 candidate="webops-deps-candidate:$$-$1"
  step_start
  if image_exists "$tag"; then
    if [[ ${WEBOPS_VERIFY_IMAGES:-0} == 1 ]]; then
      [[ -n $WORK ]] || WORK=$(mktemp -d /var/tmp/webops-deps.XXXXXX)
      CURRENT_STEP="verifying existing image $tag (remove it with 'docker image rm $tag' and rerun to rebuild)"
      "verify_$kind" "$tag"
      step_done "image $tag present and verified"
    else
      step_done "image $tag already present"
    fi
    return 0
  fi
  [[ -n $WORK ]] || WORK=$(mktemp -d /var/tmp/webops-deps.XXXXXX)
  if [[ $kind != busybox && -z ${MIRROR:-} ]]; then
    MIRROR=$(debian_mirror)
    log "debootstrap mirror: $MIRROR (suite $SUITE, package cache $CACHE_DIR)"
  fi
  TEMP_IMAGES+=("$candidate")
  CURRENT_STEP="building image $tag"
  "build_$kind" "$candidate"
  CURRENT_STEP="verifying image $tag"
  "verify_$kind" "$candidate"
  docker tag "$candidate" "$tag"
  docker image rm "$candidate" >/dev/null
  CURRENT_STEP=""
  step_done "image $tag built and verified"
}

ensure_image busybox "$BUSYBOX_TAG"
ensure_image nginx "$NGINX_TAG"
ensure_image python "$PYTHON_TAG"
log "ready: $BUSYBOX_TAG, $NGINX_TAG, $PYTHON_TAG"
