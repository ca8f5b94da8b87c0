#!/usr/bin/env bash
# The WordPress plugin against a real WordPress: Debian's `wordpress` package (6.1), PHP's
# built-in server and MariaDB, all on 127.0.0.1 and in a temporary folder.
#
#   npm run build:wordpress && bash integrations/wordpress/test/run.sh
#
# As root on Debian or Ubuntu it installs the packages it needs with apt-get; elsewhere it
# needs them installed (php-cli, php-mysql, php-xml, php-mbstring, mariadb-server, wordpress,
# wordpress-theme-twentytwentythree; php-codesniffer for the style check). It installs the
# plugin from dist-wordpress/kabar-<version>.zip, checks it (php -l, the coding standard, PHP
# checks inside WordPress, the pages over HTTP, the pages and the dashboard in headless
# Chromium, deleting the plugin) and ends with the line `N passed, N failed`.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
version=$(node -p "require('$repo/package.json').version")
zip="$repo/dist-wordpress/kabar-$version.zip"
packages=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-xml php-mbstring mariadb-server php-codesniffer)

work=$(mktemp -d)
log="$work/results"
touch "$log"
db_pid=''
php_pid=''
started=$(date +%s)

pass() { echo "ok - $1" | tee -a "$log"; }
fail() { echo "not ok - $1" | tee -a "$log"; }

# Stops what this script started, whatever happened, then prints the counts.
finish() {
  local status=$?
  # The server's workers are its children, in the process group setsid gave it.
  if [ -n "$php_pid" ]; then
    kill -- "-$php_pid" 2>/dev/null || kill "$php_pid" 2>/dev/null
    wait "$php_pid" 2>/dev/null
  fi
  if [ -n "$db_pid" ]; then
    kill "$db_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$db_pid" 2>/dev/null
  fi
  local passed failed
  passed=$(grep -c '^ok - ' "$log")
  failed=$(grep -c '^not ok - ' "$log")
  # A step that stopped the run early without saying why still fails it.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "not ok - the WordPress test stopped early (exit $status)"
    failed=1
  fi
  rm -rf "$work"
  echo "WordPress test: $(($(date +%s) - started)) s"
  echo
  echo "$passed passed, $failed failed"
  if [ "$failed" -gt 0 ]; then exit 1; fi
  exit 0
}
trap finish EXIT
trap 'exit 130' INT TERM

# Runs a step whose lines are results ("ok - …", "not ok - …"); its other lines are shown as they are.
step() {
  "$@" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}

# A free TCP port on 127.0.0.1.
free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

echo "== packages"
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    fail "packages missing and not root to install them: ${missing[*]}"
    exit 1
  fi
  echo "installing ${missing[*]}"
  # Debian starts a service when it installs one (Apache on port 80, MariaDB): a policy-rc.d
  # that says no keeps this machine as it was; the test starts its own MariaDB below.
  made_policy=''
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$work/apt.log" 2>&1
  apt_status=$?
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  if [ "$apt_status" -ne 0 ]; then
    tail -n 20 "$work/apt.log"
    fail "apt-get installs ${missing[*]}"
    exit 1
  fi
fi
pass "packages: WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php), $(php -r 'echo "PHP ", PHP_VERSION;'), $(mariadbd --version | grep -o 'Ver [^ ]*')"

if [ ! -s "$zip" ]; then
  fail "the plugin's zip exists ($zip is missing: run npm run build:wordpress)"
  exit 1
fi

echo "== php -l"
while IFS= read -r file; do
  name=${file#"$repo/"}
  if out=$(php -l "$file" 2>&1); then pass "php -l $name"; else fail "php -l $name: $out"; fi
done < <(find "$repo/integrations/wordpress/kabar" -name '*.php' | sort)

echo "== coding standard (the WordPress rules PHP_CodeSniffer ships)"
if out=$(phpcs -q --report=full --standard="$here/phpcs.xml" "$repo/integrations/wordpress/kabar" 2>&1); then
  pass "phpcs: integrations/wordpress/kabar follows integrations/wordpress/test/phpcs.xml"
else
  echo "$out"
  fail "phpcs: integrations/wordpress/kabar follows integrations/wordpress/test/phpcs.xml"
fi

echo "== MariaDB on 127.0.0.1"
db_port=$(free_port)
mkdir -p "$work/db"
as_user=()
[ "$(id -u)" = 0 ] && as_user=(--user=root)
if ! mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$work/db/data" \
  --auth-root-authentication-method=normal --skip-test-db >"$work/db/install.log" 2>&1; then
  tail -n 20 "$work/db/install.log"
  fail "MariaDB creates its data folder"
  exit 1
fi
mariadbd --no-defaults "${as_user[@]}" --datadir="$work/db/data" --socket="$work/db/sock" \
  --pid-file="$work/db/pid" --bind-address=127.0.0.1 --port="$db_port" --skip-log-bin \
  --innodb-buffer-pool-size=32M --log-error="$work/db/error.log" &
db_pid=$!
for _ in $(seq 1 120); do
  mariadb-admin --no-defaults --socket="$work/db/sock" -uroot ping >/dev/null 2>&1 && break
  kill -0 "$db_pid" 2>/dev/null || break
  sleep 0.5
done
if ! mariadb --no-defaults --socket="$work/db/sock" -uroot -e "
  CREATE DATABASE wordpress CHARACTER SET utf8mb4;
  CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'kabar-db-password';
  GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';"; then
  tail -n 20 "$work/db/error.log"
  fail "MariaDB starts on 127.0.0.1:$db_port"
  exit 1
fi
pass "MariaDB starts on 127.0.0.1:$db_port"

echo "== WordPress"
site_port=$(free_port)
site="http://127.0.0.1:$site_port"
wp="$work/wordpress"
# A copy of Debian's WordPress with a wp-config of its own (Debian's reads /etc/wordpress/);
# -L copies the files behind Debian's relative links to its shared libraries (underscore, getID3).
cp -rL /usr/share/wordpress "$wp"
rm -rf "$wp/wp-content/plugins/"*
mkdir -p "$wp/wp-content/uploads"
cat >"$wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'kabar-db-password' );
define( 'DB_HOST', '127.0.0.1:$db_port' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$name ) {
	define( \$name, '$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')' . \$name );
}
define( 'WP_HOME', '$site' );
define( 'WP_SITEURL', '$site' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', '$site/wp-content' );
define( 'FS_METHOD', 'direct' );
// Nothing leaves this machine: no update checks, no cron requests, no outside HTTP.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$work/debug.log' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

export HTTP_HOST="127.0.0.1:$site_port"
step php "$here/php/install.php" "$wp" || exit 1
step php "$here/php/plugin.php" "$wp" "$zip" || exit 1
step php "$here/php/content.php" "$wp" "$work/state.json" || exit 1

# Four workers answer the browser's parallel requests; setsid puts them in one process group.
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$site_port" -t "$wp" >"$work/php-server.log" 2>&1 &
php_pid=$!
for _ in $(seq 1 100); do
  php -r "exit(@fsockopen('127.0.0.1', $site_port) ? 0 : 1);" && break
  sleep 0.1
done

echo "== pages over HTTP and in Chromium"
step node "$here/check.mjs" "$work/state.json"

echo "== PHP notices"
if [ -s "$work/debug.log" ] && grep -i 'kabar' "$work/debug.log"; then
  fail "WordPress's debug log has no notice from the plugin"
else
  pass "WordPress's debug log has no notice from the plugin"
fi

echo "== deleting the plugin"
step php "$here/php/uninstall.php" "$wp"
