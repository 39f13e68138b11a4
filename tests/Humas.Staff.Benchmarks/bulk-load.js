// Adds table rows to a stopped Azurite's database file, for the staff list benchmark: through Azurite's API each
// record write scans every earlier record, so a hundred thousand would take hours. The rows go in with LokiJS, the
// library Azurite itself keeps its tables in, shaped as Azurite shapes the rows it receives.
// Usage: node bulk-load.js <__azurite_db_table__.json> <account> <rows.jsonl>   (one {"table","properties"} per line)
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const Loki = require(path.join(process.cwd(), "node_modules", "lokijs"));

const [dbFile, account, rowsFile] = process.argv.slice(2);
const db = new Loki(dbFile, { persistenceMethod: "fs" });

db.loadDatabase({}, async (error) => {
  if (error) throw error;
  const collections = new Map();
  const open = (table) => {
    if (!collections.has(table)) {
      const collection = db.getCollection(`${account}$${table}`);
      if (!collection) throw new Error(`Azurite has no table ${table} in ${dbFile}`);
      // The bulk rows take the modification time of a row Azurite wrote itself.
      const sample = collection.findOne({});
      if (!sample) throw new Error(`Table ${table} has no row to take the shape from`);
      // Sorted once at the end rather than kept sorted through every insert.
      collection.adaptiveBinaryIndices = false;
      collections.set(table, { collection, lastModifiedTime: sample.lastModifiedTime, eTag: sample.eTag });
    }
    return collections.get(table);
  };

  const lines = readline.createInterface({ input: fs.createReadStream(rowsFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { table, properties } = JSON.parse(line);
    const { collection, lastModifiedTime, eTag } = open(table);
    properties.Timestamp = lastModifiedTime;
    properties["Timestamp@odata.type"] = "Edm.DateTime";
    collection.insert({ PartitionKey: properties.PartitionKey, RowKey: properties.RowKey, properties, lastModifiedTime, eTag });
  }
  for (const { collection } of collections.values()) {
    collection.ensureAllIndexes(true);
    collection.adaptiveBinaryIndices = true;
  }
  db.saveDatabase((saveError) => {
    if (saveError) throw saveError;
  });
});
