<?php
// The site's own command line for the tests: install it, make or revoke an application password as its admin would on
// the Users screen. php site-cli.php install | app-password NAME | revoke NAME
$humas_site = json_decode(file_get_contents(__DIR__ . '/site.json'), true);
// WordPress takes the site's host from the request, which a command line does not have.
$_SERVER['HTTP_HOST'] = parse_url($humas_site['url'], PHP_URL_HOST) . ':' . parse_url($humas_site['url'], PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$command = $argv[1] ?? '';
if ($command === 'install') {
    $db = new mysqli('localhost', 'root', '', '', 0, $humas_site['socket']);
    $db->query('CREATE DATABASE IF NOT EXISTS wordpress');
    $db->close();
    define('WP_INSTALLING', true);
}
require __DIR__ . '/site-config.php';
require ABSPATH . 'wp-settings.php';

if ($command === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    wp_install('Humas', $humas_site['user'], 'humas@example.test', false, '', wp_generate_password(24));
    exit(0);
}
$user = get_user_by('login', $humas_site['user']);
switch ($command) {
    case 'app-password':
        $made = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $argv[2]]);
        if (is_wp_error($made)) {
            fwrite(STDERR, $made->get_error_message() . "\n");
            exit(1);
        }
        // As the Users screen shows it: in groups of four, with spaces WordPress ignores when it checks the password.
        echo WP_Application_Passwords::chunk_password($made[0]);
        break;
    case 'revoke':
        foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
            if ($item['name'] === $argv[2]) {
                WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
            }
        }
        break;
    default:
        fwrite(STDERR, "unknown command '$command'\n");
        exit(2);
}
