import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { assertMigrated } from './assert-migrated';
import { boundMysqlSessions } from './bound-mysql-session';
import { serialiseSqliteTransactions } from './serialise-sqlite-transactions';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        ...(await buildDataSourceOptions(config, { boundQueries: true })),
        // Embedded mode migrates itself; on MySQL an operator runs `npm run migration:run`.
        migrationsRun: config.databaseType === 'sqlite',
      }),
      dataSourceFactory: async (options) => {
        const { DataSource } = await import('typeorm');
        const dataSource = await new DataSource(options!).initialize();
        await assertMigrated(dataSource);
        serialiseSqliteTransactions(dataSource);
        const bound = (options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime;
        if (bound) boundMysqlSessions(dataSource, bound);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
