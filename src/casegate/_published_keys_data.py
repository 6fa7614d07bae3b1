"""The public keys whose private halves casegate publishes: written by `python -m casegate._published_keys --write`. Do not edit."""

# raw Ed25519 public key, hex -> the file that publishes its private half
PUBLISHED: dict[str, str] = {
    'ea44d91bfa4368d68bf0d1557884b25b45e920166c0faf250db69068a305744c': 'examples/atlas-api/keys/dana-ortiz.key',
    '0f2661a4cc2b251dc0ec766d759b34c42391f7b881b960534b1a63065b978d65': 'examples/atlas-api/keys/hana-sato.key',
    'd6b573bfc5884c08aa0a3d6cb84b8fc233e3387f9c26742bd8de6e4b5d26e1f1': 'examples/atlas-api/keys/jonas-berg.key',
    '68ad75eddf2fa9dc9bbb56cd27d36ee3411ff7f342de13a3909a51f9a591fcce': 'examples/atlas-api/keys/lena-kovac.key',
    '0e47d56ea9ee612bfc3bdef97998c624d769dd5a3111589510dd949fcd8a0006': 'examples/atlas-api/keys/mira-chen.key',
    '994a6b524d7147e661b715199ba2e4bd68c8ce07e7ed21f9adc391cc302c5326': 'examples/atlas-api/keys/priya-natarajan.key',
    '8603b00d35217223d1fc4ab9217d2a091a474d8e6833a6426a5aa9f7a9e4a6d1': 'examples/atlas-api/keys/ravi-menon.key',
    'f0a35f597cf3ac31b0e00ace158b33679aed1143a94683df47b763c6e3f2b4a0': 'examples/atlas-api/keys/sam-whitfield.key',
    '1a5cd907143c384c41e830c5bce12aa8817ec5649aaabf2c31388b35b2d744d6': 'tests/store/test_checkpoint.py',
}
