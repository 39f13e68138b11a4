<?php
// Does for PHP's built-in server what Debian's Apache configuration does for its WordPress: wp-content served from the
// site's own folder, the REST API under /wp-json as ?rest_route= (no pretty permalinks without mod_rewrite), every
// other address through WordPress's front controller.
require __DIR__ . '/site-config.php';

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_starts_with($path, '/wp-content/')) {
    $root = realpath(WP_CONTENT_DIR);
    $file = realpath($root . substr($path, strlen('/wp-content')));
    if ($file === false || !str_starts_with($file, $root . '/') || !is_file($file) || str_ends_with($file, '.php')) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
if ($path !== '/' && !str_ends_with($path, '.php') && is_file(ABSPATH . ltrim($path, '/'))) {
    return false;
}
if ($path === '/wp-json' || str_starts_with($path, '/wp-json/')) {
    $_GET['rest_route'] = substr($path, strlen('/wp-json')) ?: '/';
}
// What index.php does, without wp-load.php, which would read Debian's wp-config.php and with it /etc/wordpress.
define('WP_USE_THEMES', true);
require ABSPATH . 'wp-settings.php';
wp();
require ABSPATH . WPINC . '/template-loader.php';
