// The bittorrent-tracker baseline of tests/bench/run-tracker.sh: its HTTP tracker only (no UDP,
// no WebSocket, no stats page) on 127.0.0.1, with the same whitelist of info-hashes that the
// OMS and opentracker get, so all three refuse unknown overlays alike.
// Usage: node tracker-server.mjs <port> <whitelist file: one 40-hex info-hash per line>
import Server from 'bittorrent-tracker/server'
import { readFileSync } from 'node:fs'

const port = Number(process.argv[2])
const whitelistFile = process.argv[3]
if (!Number.isInteger(port) || port <= 0 || !whitelistFile) {
  console.error('usage: node tracker-server.mjs <port> <whitelist file>')
  process.exit(2)
}

const allowed = new Set(readFileSync(whitelistFile, 'latin1').split('\n').map(l => l.trim().toLowerCase()).filter(Boolean))

const server = new Server({
  udp: false,
  ws: false,
  http: true,
  stats: false,
  interval: 3600 * 1000, // ms: a long interval, as the OMS and opentracker get
  filter: (infoHash, params, cb) => cb(allowed.has(infoHash) ? null : new Error('unknown info_hash'))
})
server.on('error', err => { console.error('tracker error:', err.message); process.exit(1) })
server.on('warning', () => {}) // bad requests are counted by the load generator, not logged
server.listen(port, '127.0.0.1', () => console.log(`bittorrent-tracker listening on 127.0.0.1:${port} (${allowed.size} info-hashes)`))

const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
