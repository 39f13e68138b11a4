// Loaded into Azurite with NODE_OPTIONS="--require <this file>" by ./run, the tests and the benchmarks.
//
// Azurite keeps its queue messages in one LokiJS collection with four sorted indexes. LokiJS rebuilds (re-sorts)
// every index of a collection after any batch removal or batch update, however small; it keeps them up to date
// one document at a time only for single ones. Azurite 3.37 does a batch removal before every read and every
// delete of a message ("the expired ones", almost always none), a batch update for every read that returns
// messages and a batch removal for every blob extent it collects, so each of these re-sorts all messages of the
// account, or all extents. The durable engine leaves a message behind for every durable timer it no longer needs
// (it fires days later and is dropped then), so with a thousand workflows in flight there are thousands of
// messages and Azurite spends most of its time sorting them.
//
// Here a small batch is handled as its documents one by one, which keeps the indexes up to date in place: the
// same result, without the sorting. A large batch (dropping a table, say) is still done LokiJS's way, where one
// sort is cheaper than many in-place updates.
//
// LokiJS also answers a query on several properties with the index of whichever property the caller named
// first, and scans what that index returns. Azurite names the account first for messages (one account: every
// message) and the RowKey first for entities (the durable engine's instance rows all have the RowKey "", our
// records all "record"), so each point read scans a whole table. Here the equality whose index returns the
// fewest documents goes first, as a database's planner would choose, and the rows come back in the collection's
// order as before. A table query ($filter) is answered by a JavaScript predicate over every entity of the table;
// when the filter requires PartitionKey eq '...' (or RowKey eq '...') the index narrows the rows the predicate
// sees first, which is what the durable engine's history reads and most of ours are. The results are the same.
"use strict";

const fs = require("fs");
const { createRequire } = require("module");

/**
 * A module as Azurite loads it: resolved from the script being run, so that it is the same instance Azurite uses.
 * Null when it is not there (not Azurite, or a version laid out differently): then nothing is changed.
 */
function azuriteModule(name) {
  try {
    return createRequire(fs.realpathSync(process.argv[1]))(name);
  } catch {
    return null;
  }
}

const SMALL = 64;
const Loki = azuriteModule("lokijs");
const collection = Loki && Loki.Collection && Loki.Collection.prototype;

if (collection && !collection.removeBatchByPositions.oneByOne) {
  const removeBatchByPositions = collection.removeBatchByPositions;
  const remove = collection.remove;
  const update = collection.update;

  // remove([...]) first maps every document of the collection to its position, even for an empty list.
  const removeBatch = collection.removeBatch;
  collection.removeBatch = function (batch) {
    if (batch.length > SMALL) return removeBatch.call(this, batch);
    for (const doc of batch) remove.call(this, doc); // documents or their $loki ids; remove() takes either
  };

  // Every other batch removal ends here: findAndRemove and a result set's remove().
  collection.removeBatchByPositions = Object.assign(function (positions) {
    if (positions.length > SMALL) return removeBatchByPositions.call(this, positions);
    const docs = positions.map((position) => this.data[position]);
    for (const doc of docs) remove.call(this, doc);
  }, { oneByOne: true });

  collection.update = function (doc) {
    if (!Array.isArray(doc) || doc.length > SMALL) return update.call(this, doc);
    for (const one of doc) update.call(this, one);
  };

  const resultset = Loki.Resultset.prototype;
  const findAnd = resultset.findAnd;
  resultset.findAnd = resultset.$and = function (expressions) {
    const best = this.filterInitialized ? -1 : mostSelective(this.collection, expressions);
    if (best <= 0) return findAnd.call(this, expressions);
    findAnd.call(this, [expressions[best], ...expressions.slice(0, best), ...expressions.slice(best + 1)]);
    this.filteredrows.sort((a, b) => a - b);
    return this;
  };
}

// The table and queue stores are patched through Azurite's own modules, resolved the same way as LokiJS.
const [tableStore, parse, queueStore] = [
  "./table/persistence/LokiTableMetadataStore",
  "./table/persistence/QueryInterpreter/QueryParser",
  "./queue/persistence/LokiQueueMetadataStore",
].map((name) => { const module = azuriteModule(name); return module && module.default; });

if (collection && tableStore && parse && !tableStore.prototype.queryTableEntities.narrowed) {
  const queryTableEntities = tableStore.prototype.queryTableEntities;
  const where = Loki.Resultset.prototype.where;
  let keys = null; // the equalities on keys of the query being answered, for the where() it calls

  tableStore.prototype.queryTableEntities = Object.assign(function (context, account, table, queryOptions, ...rest) {
    keys = keyEqualities(parse, queryOptions && queryOptions.filter);
    try {
      // Its body runs to the end before the first await, so the where() it calls sees these keys.
      return queryTableEntities.call(this, context, account, table, queryOptions, ...rest);
    } finally {
      keys = null;
    }
  }, { narrowed: true });

  Loki.Resultset.prototype.where = function (fun) {
    if (keys && !this.filterInitialized) {
      const best = mostSelective(this.collection, keys);
      if (best >= 0) {
        this.find(keys[best]);
        this.filteredrows.sort((a, b) => a - b);
      }
    }
    return where.call(this, fun);
  };
}

// Before every read, update and delete of a message Azurite looks through the queue for expired messages. The
// earliest expiry time of each queue's messages is kept here (never later than the real one: a new message can
// only bring it forward, a removal only pushes the real one back), and the look is skipped while it is ahead.
if (collection && queueStore && !queueStore.prototype.clearExpiredMessages.remembered) {
  const clearExpiredMessages = queueStore.prototype.clearExpiredMessages;
  const insertMessage = queueStore.prototype.insertMessage;
  const earliestExpiry = new Map();
  const keyOf = (account, queue) => `${account}\n${queue}`;

  queueStore.prototype.clearExpiredMessages = Object.assign(function (account, queue, context) {
    const key = keyOf(account, queue);
    if (Date.now() < earliestExpiry.get(key)) return Promise.resolve();
    const cleared = clearExpiredMessages.call(this, account, queue, context);
    let earliest = Infinity;
    for (const message of this.db.getCollection(this.MESSAGES_COLLECTION).find({ queueName: queue, accountName: account })) {
      earliest = Math.min(earliest, +message.expirationTime);
    }
    earliestExpiry.set(key, earliest);
    return cleared;
  }, { remembered: true });

  queueStore.prototype.insertMessage = function (message, context) {
    const key = keyOf(message.accountName, message.queueName);
    if (earliestExpiry.has(key)) earliestExpiry.set(key, Math.min(earliestExpiry.get(key), +message.expirationTime));
    return insertMessage.call(this, message, context);
  };
}

/** [{PartitionKey: v}, {RowKey: w}] for the key equalities every matching entity must satisfy (top-level ands). */
function keyEqualities(parse, filter) {
  if (!filter) return null;
  let tree;
  try {
    tree = parse(filter);
  } catch {
    return null; // Azurite answers the bad filter itself.
  }
  const found = [];
  (function visit(node) {
    const kind = node && node.constructor && node.constructor.name;
    if (kind === "AndNode") {
      visit(node.left);
      visit(node.right);
    } else if (kind === "EqualsNode") {
      // Azurite compares an identifier with a plain constant by ===, as the index does.
      const sides = [node.left, node.right];
      const identifier = sides.find((side) => side && side.constructor.name === "IdentifierNode");
      const constant = sides.find((side) => side && side.constructor.name === "ConstantNode");
      const name = identifier && identifier.identifier;
      if ((name === "PartitionKey" || name === "RowKey") && constant && typeof constant.value === "string") {
        found.push({ [name]: constant.value });
      }
    }
  })(tree);
  return found.length ? found : null;
}

/** The position of the plain equality on an indexed property that matches the fewest documents, or -1. */
function mostSelective(collection, expressions) {
  let best = -1;
  let fewest = Infinity;
  expressions.forEach((expression, i) => {
    const properties = Object.keys(expression);
    if (properties.length !== 1) return;
    const property = properties[0];
    const value = expression[property];
    const index = collection.binaryIndices[property];
    if (!index || index.dirty || property.includes(".") || value === null || typeof value === "object") return;
    const [first, last] = collection.calculateRange("$eq", property, value);
    if (last - first + 1 < fewest) {
      fewest = last - first + 1;
      best = i;
    }
  });
  return best;
}
