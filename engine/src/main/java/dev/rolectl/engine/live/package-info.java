/** Ports for reading and changing live state (IamAccount, EcsDeployments) and their adapters: aws (SDK v2), local and snapshot (file). */
package dev.rolectl.engine.live;
