#!/usr/bin/env bash
# One install, the engine CI tests: the Debian packages the native modules build against (when
# this user can install them: root, or sudo without a password), npm ci, and the FAISS addon.
# Where a step cannot be done it says what to run, and the service still starts (with the exact
# TypeScript index instead of FAISS). `npm run setup`, or `bash scripts/setup.sh`; then `npm start`.
# SETUP_ESTRICTO=1 (CI) turns every such warning into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
estricto="${SETUP_ESTRICTO:-0}"
avisos=()
avisar() {
  if [ "$estricto" = 1 ]; then
    echo "ERROR: $1" >&2
    exit 1
  fi
  avisos+=("$1")
}

echo "== Node.js"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "ERROR: hacen falta Node.js (≥ 22) y npm: https://nodejs.org o apt-get install -y nodejs npm" >&2
  exit 1
fi
mayor="$(node -p 'process.versions.node.split(".")[0]')"

# What the native modules build against: sqlite3 links Debian's libsqlite3, faiss-node Debian's
# FAISS and OpenBLAS; node-gyp compiles offline with the N-API headers of Debian's nodejs.
# mythes-es: the Spanish thesaurus the knowledge base reads customers' words through (TESAURO_FILE).
paquetes=(build-essential python3 libsqlite3-dev libfaiss-dev libopenblas-dev mythes-es)
[ -f /usr/include/node/node_api.h ] || paquetes+=(nodejs)

echo "== Debian packages"
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
  avisar "Este sistema no usa apt-get: instala a mano un compilador C++, python3, SQLite (cabeceras), FAISS y OpenBLAS, luego npm run build:faiss; y un tesauro MyThes en español en TESAURO_FILE."
else
  faltan=()
  for p in "${paquetes[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || faltan+=("$p"); done
  if [ ${#faltan[@]} -eq 0 ]; then
    echo "instalados: ${paquetes[*]}"
  else
    if [ "$(id -u)" -eq 0 ]; then
      como=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      como=(sudo)
    else
      como=(none)
    fi
    if [ "${como[*]}" = none ]; then
      avisar "Faltan paquetes Debian y no hay permisos para instalarlos. Ejecuta: sudo apt-get install -y ${faltan[*]} && npm run build:faiss"
    else
      echo "instalando: ${faltan[*]}"
      "${como[@]}" apt-get update -qq
      "${como[@]}" apt-get install -y -qq "${faltan[@]}"
    fi
  fi
fi

# sqlite3 builds from source when no prebuilt binary can be downloaded: against Debian's
# libsqlite3 when its headers are there (a gyp variable, not an npm setting), else its own copy.
if [ -f /usr/include/sqlite3.h ]; then export GYP_DEFINES="${GYP_DEFINES:+$GYP_DEFINES }sqlite=/usr"; fi
# node-gyp must not download Node's headers (offline): N-API headers from Debian's nodejs serve any Node.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then export npm_config_nodedir=/usr; fi

echo "== npm ci"
if [ "$mayor" -ge 22 ]; then
  npm ci --no-audit --no-fund
else
  # npm checks every package's engines against the Node that runs npm. The app runs on the Node
  # of the npm package "node" (npm start, npm test), so npm runs on that same version here:
  # Node $(node -v) would make npm warn EBADENGINE for packages that want Node ≥ 22.
  version="$(node -p "require('./package-lock.json').packages['node_modules/node'].version")"
  echo "Node $(node -v) < 22: npm corre con el Node $version del paquete node, el mismo que corre la aplicación"
  propio="$(mktemp -d)"
  trap 'rm -rf "$propio"' EXIT
  # the package "node" fetches its binary in an install script, allowed here as in package.json
  echo '{ "private": true, "allowScripts": { "node": true } }' > "$propio/package.json"
  npm install --prefix "$propio" --no-save --no-package-lock --no-audit --no-fund "node@$version" >/dev/null
  PATH="$propio/node_modules/node/bin:$PATH" node "$(readlink -f "$(command -v npm)")" ci --no-audit --no-fund
fi

echo "== FAISS"
if npm run --silent build:faiss; then
  motor="FAISS"
else
  motor="el índice exacto en TypeScript (sin FAISS)"
  avisar "faiss-node no se pudo compilar: instala libfaiss-dev y libopenblas-dev (sudo apt-get install -y libfaiss-dev libopenblas-dev) y ejecuta npm run build:faiss."
fi

echo
echo "Listo. La búsqueda usará $motor. Arranca con: npm start   (http://localhost:8001, documentación en /docs)"
if [ ${#avisos[@]} -gt 0 ]; then
  echo
  echo "Pendiente:"
  for a in "${avisos[@]}"; do echo "  - $a"; done
fi
