#!/usr/bin/env bash
# Builds faiss-node's native addon against Debian's FAISS (libfaiss-dev, a static library) and
# OpenBLAS. The package's own install script downloads a prebuilt binary or clones FAISS from
# GitHub, which fails offline, so package.json denies it and this script builds instead:
# FAISS 1.7.3 names the id type faiss::Index::idx_t, so a shim provides faiss::idx_t, and RTTI
# stays on (write_index relies on dynamic_cast), and write() turns FAISS's C++ exception into a
# JavaScript error as read() does (escaping the addon, it aborted the process: a full disk, an
# unwritable path). Idempotent: a working addon is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
PKG=node_modules/faiss-node
ADDON="$PKG/build/Release/faiss-node.node"

# it searches, and a write it cannot do throws (an addon built before the patch aborts here instead)
prueba() { node -e "const f=require('faiss-node');const i=new f.IndexFlatIP(2);i.add([1,0,0,1]);if(i.search([1,0],1).labels[0]!==0)process.exit(1);try{i.write('/dev/null/x')}catch{process.exit(0)}process.exit(1)" 2>/dev/null; }

if [ ! -d "$PKG" ]; then echo "faiss-node no está instalado (npm ci primero)" >&2; exit 1; fi
if [ -f "$ADDON" ] && prueba; then echo "faiss-node: módulo nativo ya compilado"; exit 0; fi
for dep in libfaiss-dev libopenblas-dev; do
  if ! dpkg -s "$dep" >/dev/null 2>&1; then
    echo "Falta el paquete Debian $dep: apt-get install -y libfaiss-dev libopenblas-dev" >&2
    exit 1
  fi
done

# node-gyp must not download Node's headers (offline): the addon uses N-API only, so the
# headers of Debian's nodejs package serve any Node version.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then export npm_config_nodedir=/usr; fi

cat > "$PKG/faiss-idx.h" <<'H'
#include <faiss/Index.h>
namespace faiss { using idx_t = Index::idx_t; }
H
cat > "$PKG/binding.gyp" <<'GYP'
{
  "targets": [{
    "target_name": "faiss-node",
    "sources": ["src/faiss.cc"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    "defines": ["NAPI_VERSION=6"],
    "cflags!": ["-fno-exceptions"],
    "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
    "cflags_cc": ["-std=c++17", "-w", "-fexceptions", "-frtti", "-fopenmp", "-O2", "-include", "<(module_root_dir)/faiss-idx.h"],
    "libraries": ["-Wl,--whole-archive", "/usr/lib/x86_64-linux-gnu/libfaiss.a", "-Wl,--no-whole-archive", "-lopenblas", "-lgomp", "-lpthread"]
  }]
}
GYP
sed -i 's|^    faiss::write_index(index_.get(), fname.c_str());$|    try { faiss::write_index(index_.get(), fname.c_str()); } catch (const std::exception \&ex) { Napi::Error::New(env, ex.what()).ThrowAsJavaScriptException(); }|' "$PKG/src/faiss.cc"
grep -q 'try { faiss::write_index(index_.get(), fname.c_str()); }' "$PKG/src/faiss.cc" || { echo "faiss-node cambió: no se pudo proteger write() en src/faiss.cc" >&2; exit 1; }
# node-gyp itself uses an API Node deprecates; that notice is not about this project
(cd "$PKG" && NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--no-deprecation" npx --no-install node-gyp rebuild --loglevel=warn)
prueba || { echo "faiss-node se compiló pero no funciona" >&2; exit 1; }
echo "faiss-node: módulo nativo compilado contra libfaiss de Debian"
