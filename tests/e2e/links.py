#!/usr/bin/env python3
"""A link checker for a built site: every relative href and src of every HTML page
resolves to a file of the site, and every #fragment to an id of its target page.
Usage: links.py SITE_DIR. Prints each broken link; exit 1 if there is one."""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == 'id' and value:
                self.ids.add(value)
            if name in ('href', 'src') and value is not None:
                self.links.append((tag, value))


def parse(path, cache):
    if path not in cache:
        p = Page()
        with open(path, encoding='utf-8') as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def main(site):
    site = os.path.abspath(site)
    cache = {}
    broken = 0
    pages = 0
    links = 0
    for root, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith('.')]
        for name in sorted(files):
            if not name.endswith('.html'):
                continue
            page = os.path.join(root, name)
            pages += 1
            for tag, href in parse(page, cache).links:
                url = urllib.parse.urlsplit(href)
                if url.scheme or url.netloc:
                    continue  # external: not followed (no network)
                links += 1
                target = page if not url.path else os.path.normpath(
                    os.path.join(os.path.dirname(page), urllib.parse.unquote(url.path)))
                rel = os.path.relpath(page, site)
                if not target.startswith(site + os.sep) or not os.path.isfile(target):
                    print(f'{rel}: <{tag}> {href}: no such file')
                    broken += 1
                elif url.fragment and target.endswith('.html') and \
                        urllib.parse.unquote(url.fragment) not in parse(target, cache).ids:
                    print(f'{rel}: <{tag}> {href}: no id "{url.fragment}" there')
                    broken += 1
    print(f'links: {pages} pages, {links} internal links, {broken} broken')
    return 1 if broken or pages == 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
