<?php
// The test site's settings, in the place of Debian's /etc/wordpress/config-<host>.php: the site is the test run's own,
// so nothing of it goes into /etc, which other runs on the machine share.
$humas_site = json_decode(file_get_contents(__DIR__ . '/site.json'), true);
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . $humas_site['socket']);
define('ABSPATH', '/usr/share/wordpress/');
define('WP_CONTENT_DIR', $humas_site['content']);
define('WP_HOME', $humas_site['url']);
define('WP_SITEURL', $humas_site['url']);
// Application passwords need HTTPS, or an environment that says it is local.
define('WP_ENVIRONMENT_TYPE', 'local');
// No cron requests back to the site, no updates fetched: a single-worker server and no network beyond loopback.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
$table_prefix = 'wp_';
